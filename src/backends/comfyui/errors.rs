//! ComfyUI's errors in words an owner can act on: which node (id and class), which input, and
//! ComfyUI's own message, instead of raw JSON cut short.
//!
//! Shapes as a real ComfyUI (0.3.64) sends them: `POST /prompt` answers 400 with `error` and
//! `node_errors` (each node's `class_type` and `errors`, each error's `message` and `extra_info` with
//! `input_name`, `received_value` and the server's whole `input_config`, long with many checkpoints);
//! a run that fails sends `execution_error` with `node_id`, `node_type`, `exception_type` and an
//! `exception_message` ending in a newline; an operator's interrupt sends `execution_interrupted`.

use serde_json::Value;

use crate::backends::BackendError;

/// The most characters of one description.
const MAX_CHARS: usize = 1000;

/// Why `POST /prompt` refused a workflow: each failing node and input, e.g. `node 1 (EmptyImage) input
/// color: Failed to convert an input value to a INT value (orange)`; a refusal naming no node gives
/// ComfyUI's message and details.
pub fn rejected(answer: &Value) -> String {
    let mut parts = Vec::new();
    if let Some(nodes) = answer["node_errors"].as_object() {
        let mut ids: Vec<&String> = nodes.keys().collect();
        ids.sort_by_key(|id| (id.parse::<u64>().unwrap_or(u64::MAX), id.to_string()));
        for id in ids {
            let node = &nodes[id.as_str()];
            let class = node["class_type"].as_str().unwrap_or("?");
            for error in node["errors"].as_array().into_iter().flatten() {
                parts.push(node_error(id, class, error));
            }
        }
    }
    if parts.is_empty() {
        let error = &answer["error"];
        let message = error["message"].as_str().unwrap_or("the workflow was rejected").trim();
        parts.push(match error["details"].as_str().map(str::trim).filter(|d| !d.is_empty()) {
            Some(details) => format!("{message}: {details}"),
            None => message.to_owned(),
        });
    }
    crate::text::truncate(&parts.join("; "), MAX_CHARS)
}

/// One node's validation error in words.
fn node_error(id: &str, class: &str, error: &Value) -> String {
    let extra = &error["extra_info"];
    let message = error["message"].as_str().unwrap_or("invalid").trim();
    let input = extra["input_name"].as_str().map(|name| format!(" input {name}")).unwrap_or_default();
    let received = match &extra["received_value"] {
        Value::Null => String::new(),
        Value::String(text) => format!(" ({})", crate::text::truncate(text, 80)),
        other => format!(" ({})", crate::text::truncate(&other.to_string(), 80)),
    };
    format!("node {id} ({class}){input}: {message}{received}")
}

/// Names `data`'s node as `node 2 (EaselFail)`.
fn node_of(data: &Value) -> String {
    let id = match &data["node_id"] {
        Value::String(id) => id.clone(),
        Value::Null => "?".to_owned(),
        other => other.to_string(),
    };
    format!("node {id} ({})", data["node_type"].as_str().unwrap_or("?"))
}

/// A failed run (`execution_error`): running out of memory is the server being busy (retried later,
/// like any outage); any other exception is the workflow or the server's set-up, for the owner.
pub fn run_failed(data: &Value) -> BackendError {
    let kind = data["exception_type"].as_str().unwrap_or("an error").trim();
    let message = data["exception_message"].as_str().unwrap_or("the run failed").trim();
    let text = crate::text::truncate(&format!("{} failed: {kind}: {message}", node_of(data)), MAX_CHARS);
    let lowered = format!("{kind} {message}").to_lowercase();
    if lowered.contains("outofmemory") || lowered.contains("out of memory") {
        return BackendError::Unavailable(format!("{text} (the server ran out of memory)"));
    }
    BackendError::BadRequest { param: "workflow".into(), message: text }
}

/// A run its server's operator stopped (`execution_interrupted`).
pub fn interrupted(data: &Value) -> BackendError {
    BackendError::Interrupted(format!("ComfyUI interrupted the run at {}", node_of(data)))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_refused_workflow_names_each_node_input_and_value_without_the_servers_lists() {
        let checkpoints: Vec<String> = (0..500).map(|i| format!("model-{i}.safetensors")).collect();
        let answer = json!({"error": {"type": "prompt_outputs_failed_validation", "message": "Prompt outputs failed validation",
            "details": "", "extra_info": {}},
            "node_errors": {
                "4": {"errors": [{"type": "value_not_in_list", "message": "Value not in list",
                    "details": "ckpt_name: 'gone.safetensors' not in [...]",
                    "extra_info": {"input_name": "ckpt_name", "input_config": [checkpoints, {}], "received_value": "gone.safetensors"}}],
                    "dependent_outputs": ["9"], "class_type": "CheckpointLoaderSimple"},
                "1": {"errors": [{"type": "invalid_input_type", "message": "Failed to convert an input value to a INT value",
                    "details": "color, orange, invalid literal for int() with base 10: 'orange'",
                    "extra_info": {"input_name": "color", "input_config": ["INT", {"default": 0}], "received_value": "orange"}}],
                    "dependent_outputs": ["9"], "class_type": "EmptyImage"}}});
        assert_eq!(
            rejected(&answer),
            "node 1 (EmptyImage) input color: Failed to convert an input value to a INT value (orange); \
             node 4 (CheckpointLoaderSimple) input ckpt_name: Value not in list (gone.safetensors)"
        );
        let no_node = json!({"error": {"type": "invalid_prompt", "message": "Cannot execute because node NoSuchNode does not exist.",
            "details": "Node ID '#1'", "extra_info": {}}, "node_errors": {}});
        assert_eq!(rejected(&no_node), "Cannot execute because node NoSuchNode does not exist.: Node ID '#1'");
    }

    #[test]
    fn a_failed_run_names_its_node_trimmed_and_out_of_memory_is_busy() {
        let failed = json!({"prompt_id": "p", "node_id": "2", "node_type": "EaselFail", "exception_type": "RuntimeError",
            "exception_message": "easel test failure: a red fox\n", "traceback": ["..."]});
        let BackendError::BadRequest { message, .. } = run_failed(&failed) else { panic!("a set-up fault") };
        assert_eq!(message, "node 2 (EaselFail) failed: RuntimeError: easel test failure: a red fox");
        let oom = json!({"node_id": "3", "node_type": "KSampler", "exception_type": "torch.OutOfMemoryError",
            "exception_message": "CUDA out of memory. Tried to allocate 2.00 GiB\n"});
        assert!(matches!(run_failed(&oom), BackendError::Unavailable(m) if m.starts_with("node 3 (KSampler) failed")));
        let stopped = interrupted(&json!({"node_id": "3", "node_type": "EaselSlow"}));
        assert!(matches!(stopped, BackendError::Interrupted(m) if m.ends_with("node 3 (EaselSlow)")));
    }
}
