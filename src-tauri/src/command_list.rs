//! The command list is written once (command-list.rs); build.rs derives the permissions and
//! the capability from it and lib.rs the handlers. What it cannot derive is checked here: the
//! capability file on disk and the UI's typed wrappers in ui/src/lib/api.ts, including the
//! argument names each wrapper sends, which must be the Rust parameters in camelCase.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The names in command-list.rs, in order.
fn listed() -> Vec<String> {
    let text = read("command-list.rs");
    let body = text
        .split_once("jalon_command_list! {")
        .and_then(|(_, b)| b.split_once('}'))
        .map(|(b, _)| b)
        .expect("command-list.rs holds jalon_command_list! { ... }");
    body.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in snake.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Each command's parameters as the UI sends them (camelCase), from commands.rs; the state
/// (the report's, the handed files') and the window are Tauri's, not the UI's.
fn rust_arguments() -> BTreeMap<String, BTreeSet<String>> {
    let text = read("src/commands.rs");
    let mut out = BTreeMap::new();
    for chunk in text.split("#[tauri::command]").skip(1) {
        let sig = chunk
            .split_once("pub async fn ")
            .map(|(_, s)| s)
            .expect("every command is a pub async fn");
        let (name, rest) = sig.split_once('(').expect("a parameter list");
        let params = rest.split_once(") ->").map(|(p, _)| p).unwrap_or(rest);
        let args = params
            .split(',')
            .filter_map(|p| p.split_once(':').map(|(n, _)| n.trim().to_string()))
            .filter(|n| n != "state" && n != "handed" && n != "window" && !n.is_empty())
            .map(|n| camel(&n))
            .collect();
        out.insert(name.trim().to_string(), args);
    }
    out
}

/// Each wrapper's command name and the keys of the arguments it sends, from api.ts.
fn ts_arguments() -> BTreeMap<String, BTreeSet<String>> {
    let text = read("../ui/src/lib/api.ts");
    let mut out = BTreeMap::new();
    for call in text.split("invoke<").skip(1) {
        let after = call
            .split_once(">('")
            .map(|(_, a)| a)
            .expect("invoke<T>('name'");
        let (name, rest) = after.split_once('\'').expect("a quoted name");
        let args = match rest.trim_start().strip_prefix(", {") {
            Some(obj) => obj
                .split_once('}')
                .map(|(o, _)| o)
                .unwrap_or("")
                .split(',')
                .map(|k| k.split(':').next().unwrap_or("").trim().to_string())
                .filter(|k| !k.is_empty())
                .collect(),
            None => BTreeSet::new(),
        };
        out.insert(name.to_string(), args);
    }
    out
}

#[test]
fn the_handlers_the_capability_and_the_typescript_wrappers_name_the_same_commands() {
    let listed = listed();
    let set: BTreeSet<&String> = listed.iter().collect();
    assert_eq!(
        set.len(),
        listed.len(),
        "a command is listed twice: {listed:?}"
    );

    let capability: serde_json::Value =
        serde_json::from_str(&read("capabilities/main.json")).expect("capability JSON");
    let allowed: Vec<String> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().unwrap_or("").to_string())
        .collect();
    let wanted: Vec<String> = listed
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        // The one event the UI listens for: a file handed over (instance.rs).
        .chain(["core:event:allow-listen", "core:event:allow-unlisten"].map(String::from))
        .collect();
    assert_eq!(
        allowed, wanted,
        "capabilities/main.json allows exactly the listed commands, and listening for the handed file"
    );

    let rust = rust_arguments();
    let rust_names: BTreeSet<&String> = rust.keys().collect();
    assert_eq!(
        rust_names, set,
        "commands.rs defines exactly the listed commands"
    );

    let ts = ts_arguments();
    let ts_names: BTreeSet<&String> = ts.keys().collect();
    let missing: Vec<&&String> = set.difference(&ts_names).collect();
    let unknown: Vec<&&String> = ts_names.difference(&set).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "api.ts wraps every command and no other (missing: {missing:?}; unknown: {unknown:?})"
    );
    for (name, args) in &rust {
        assert_eq!(
            ts.get(name),
            Some(args),
            "api.ts sends {name} the arguments its Rust command takes"
        );
    }
}

#[test]
fn the_check_sees_a_wrapper_whose_argument_is_misnamed() {
    // The parser must read what it checks: a misnamed key changes what it finds.
    let ts = ts_arguments();
    let args = ts.get("add_action").expect("add_action is wrapped");
    assert!(args.contains("axisId"), "read {args:?}");
    assert_eq!(camel("next_as_of"), "nextAsOf");
}
