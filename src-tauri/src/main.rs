// The desktop app's entry point; everything else is in the library so that it can be tested.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    jalon_desktop::run();
}
