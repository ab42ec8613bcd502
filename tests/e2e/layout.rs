//! The shape of `src/` a newcomer reads at a glance (issue 26): a few wings whose imports only go
//! down, no circle between the modules inside a wing, and a module map in `lib.rs` naming every wing.
//! Every `crate::` path in the code (comments aside) is checked against the order below; unit tests
//! (`tests.rs`) may also use a real store adapter.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The wings, lowest first: each may import those before it, never one after it. The leaf helpers
/// import nothing of Easel's.
const WINGS: [&str; 10] =
    ["domain", "media", "community", "backends", "jobs", "desk", "config", "store", "discord", "app"];
const LEAVES: [&str; 4] = ["text", "secret", "mirror", "memory"];

/// Where a top-level module stands: leaves at 0, then the wings in order.
fn rank(module: &str) -> Option<usize> {
    if LEAVES.contains(&module) {
        return Some(0);
    }
    WINGS.iter().position(|w| *w == module).map(|at| at + 1)
}

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The file's code without comments (doc links name other modules without importing them).
fn code(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::a::b` path in `code`, as its first two segments (`use crate::{a, b}` included).
fn crate_paths(code: &str) -> Vec<(String, Option<String>)> {
    let mut paths = Vec::new();
    let segment = |s: &str| s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `$crate::` or a longer name
        }
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            paths.extend(inner.split(',').map(|item| (segment(item.trim()), None)));
            continue;
        }
        let first = segment(rest);
        let second = rest[first.len()..].strip_prefix("::").map(segment).filter(|s| !s.is_empty());
        paths.push((first, second));
    }
    paths
}

/// `src/jobs/queue/mod.rs` → (`jobs`, `Some("queue")`); `src/text.rs` → (`text`, `None`).
fn place(src: &Path, file: &Path) -> (String, Option<String>) {
    let parts: Vec<String> = file
        .strip_prefix(src)
        .unwrap()
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    let inner = parts.get(1).filter(|p| parts.len() > 1 && *p != "mod").cloned();
    (parts[0].clone(), inner)
}

#[test]
fn every_import_in_src_goes_down_the_wings_and_no_modules_inside_a_wing_form_a_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut upward = Vec::new();
    let mut inside: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for file in &files {
        let (wing, module) = place(&src, file);
        let Some(from) = rank(&wing) else {
            assert!(wing == "lib" || wing == "main", "{} is in no wing: add it to the layout", file.display());
            continue;
        };
        for (target, sub) in crate_paths(&code(file)) {
            let to = rank(&target).unwrap_or_else(|| panic!("{} imports crate::{target}, no wing", file.display()));
            let leaf_reaching_out = from == 0 && target != wing;
            let test_with_a_store = file.ends_with("tests.rs") && target == "store";
            if (to > from || leaf_reaching_out) && !test_with_a_store {
                upward.push(format!("{} → crate::{target}", file.strip_prefix(&src).unwrap().display()));
            }
            if let (true, Some(module), Some(sub)) = (target == wing, &module, sub) {
                if *module != sub {
                    inside.entry(wing.clone()).or_default().entry(module.clone()).or_default().insert(sub);
                }
            }
        }
    }
    assert!(upward.is_empty(), "imports going up the wings:\n{}", upward.join("\n"));
    for (wing, edges) in &inside {
        if let Some(circle) = a_circle(edges) {
            panic!("a circle inside `{wing}`: {}", circle.join(" → "));
        }
    }
}

/// A circle among `edges` (module → modules it imports), if there is one.
fn a_circle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut circle = path[at..].to_vec();
            circle.push(node.to_owned());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, edges, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    edges.keys().find_map(|start| visit(start, edges, &mut Vec::new(), &mut done))
}

#[test]
fn the_top_of_src_is_a_few_wings_with_distinct_names_each_in_the_module_map() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let entries: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    assert!(entries.len() <= 16, "{} entries at the top of src/: {entries:?}", entries.len());
    for (i, a) in entries.iter().enumerate() {
        for b in &entries[i + 1..] {
            assert!(one_letter_or_more_apart(a, b), "`{a}` and `{b}` are one letter apart");
        }
    }
    let map = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    for module in entries.iter().filter(|e| *e != "lib" && *e != "main") {
        assert!(rank(module).is_some(), "`{module}` is in no wing of the layout");
        assert!(map.contains(&format!("[`{module}`]")), "the module map in lib.rs does not name `{module}`");
    }
}

/// Whether `a` and `b` differ by more than one letter added, removed or changed.
fn one_letter_or_more_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != cb)).min(row[j] + 1).min(current + 1);
            previous = current;
        }
    }
    row[b.len()] > 1
}

/// Discord's markup: mentions, channel links, timestamps, small print.
const MARKUP: [&str; 5] = ["<@", "<#", "<t:", "\"-# ", "\\n-# "];

/// Markup written into stored data, not into a reply (none now: who acted is stored as an id).
const MARKUP_IN_DATA: [&str; 0] = [];

#[test]
fn discord_markup_is_written_only_by_the_discord_adapter() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut outside = Vec::new();
    for file in &files {
        let (wing, _) = place(&src, file);
        let relative = file.strip_prefix(&src).unwrap().display().to_string();
        if matches!(wing.as_str(), "discord" | "app") || MARKUP_IN_DATA.contains(&relative.as_str()) {
            continue;
        }
        let code = code(file);
        let code = code.split("#[cfg(test)]").next().unwrap_or_default();
        if let Some(mark) = MARKUP.iter().find(|m| code.contains(*m)) {
            outside.push(format!("{relative}: {mark}"));
        }
    }
    assert!(outside.is_empty(), "Discord markup outside the adapter's words:\n{}", outside.join("\n"));
}
