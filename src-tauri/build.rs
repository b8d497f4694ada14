// Declares Jalon's own commands, from the one list in command-list.rs, so that Tauri generates
// one permission per command; the main window's capability, written here from the same list,
// then allows exactly these and nothing else.
const COMMANDS: &[&str] = {
    macro_rules! jalon_command_list {
        ($($name:ident),* $(,)?) => { &[$(stringify!($name)),*] };
    }
    include!("command-list.rs")
};

/// Tauri's own permissions the window needs: listening for the one event the shell sends, a file
/// handed over by another launch (src/instance.rs).
const CORE: &[&str] = &["core:event:allow-listen", "core:event:allow-unlisten"];

fn main() {
    println!("cargo:rerun-if-changed=command-list.rs");
    write_capability();
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}

/// capabilities/main.json, rewritten only when the list changed (so that an unchanged build
/// touches nothing in the source tree).
fn write_capability() {
    let permissions: Vec<String> = COMMANDS
        .iter()
        .map(|c| format!("    \"allow-{}\"", c.replace('_', "-")))
        .chain(CORE.iter().map(|p| format!("    \"{p}\"")))
        .collect();
    let text = format!(
        r#"{{
  "$schema": "../gen/schemas/desktop-schema.json",
  "identifier": "main-window",
  "description": "The main window may call Jalon's own commands and listen for a handed file, and nothing else. Written by build.rs from command-list.rs.",
  "windows": [
    "main"
  ],
  "permissions": [
{}
  ]
}}
"#,
        permissions.join(",\n")
    );
    let path = std::path::Path::new("capabilities/main.json");
    if std::fs::read_to_string(path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(path, text).expect("capabilities/main.json");
    }
}
