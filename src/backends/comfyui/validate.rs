//! Workflows checked against the server before any member waits on them: `GET /object_info` says which
//! node classes ComfyUI has, the inputs each requires, and the values a list input takes (checkpoints,
//! samplers, schedulers). A workflow naming a class the server lacks (a custom node not installed), a
//! required input left out, or a list value the server does not have would fail every run.
//!
//! List inputs come in two forms: the old `[["a", "b"], {...}]` and the newer
//! `["COMBO", {"options": ["a", "b"]}]`; both are read.

use serde_json::Value;

/// The values a list input takes, in either form; `None` for other inputs.
fn options(config: &Value) -> Option<Vec<&str>> {
    let first = config.get(0)?;
    let list = match first {
        Value::Array(list) => list,
        Value::String(kind) if kind == "COMBO" => config.get(1)?.get("options")?.as_array()?,
        _ => return None,
    };
    Some(list.iter().filter_map(Value::as_str).collect())
}

/// Whether `value` is filled in per job (a placeholder) or comes from another node (a link).
fn not_literal(value: &Value) -> bool {
    value.is_array() || value.as_str().is_some_and(|text| text.contains("{{"))
}

/// Each problem of workflow `name` (`graph`, unfilled) against the server's `object_info`, in words.
pub fn problems(name: &str, graph: &Value, object_info: &Value) -> Vec<String> {
    let mut found = Vec::new();
    let mut nodes: Vec<(&String, &Value)> = graph.as_object().into_iter().flatten().collect();
    nodes.sort_by_key(|(id, _)| (id.parse::<u64>().unwrap_or(u64::MAX), id.to_string()));
    for (id, node) in nodes {
        let class = node["class_type"].as_str().unwrap_or_default();
        let Some(info) = object_info.get(class) else {
            found.push(format!(
                "workflow `{name}` node {id}: ComfyUI has no node `{class}` (a custom node not installed?)"
            ));
            continue;
        };
        let inputs = &node["inputs"];
        for (input, config) in info["input"]["required"].as_object().into_iter().flatten() {
            let Some(value) = inputs.get(input) else {
                found.push(format!("workflow `{name}` node {id} ({class}): the required input `{input}` is missing"));
                continue;
            };
            if not_literal(value) {
                continue;
            }
            if let (Some(allowed), Some(text)) = (options(config), value.as_str()) {
                if !allowed.contains(&text) {
                    found.push(format!(
                        "workflow `{name}` node {id} ({class}) input {input}: `{text}` is not on the server \
                         (it has {} choices{})",
                        allowed.len(),
                        example(&allowed)
                    ));
                }
            }
        }
    }
    found
}

/// A few of the server's choices, to show the owner what the names look like.
fn example(allowed: &[&str]) -> String {
    if allowed.is_empty() {
        return String::new();
    }
    let shown: Vec<String> = allowed.iter().take(3).map(|a| format!("`{a}`")).collect();
    format!(", such as {}", shown.join(", "))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn object_info() -> Value {
        json!({
            "CheckpointLoaderSimple": {"input": {"required": {"ckpt_name": [["sd_xl_base_1.0.safetensors", "v1-5.safetensors"], {}]}}},
            "KSampler": {"input": {"required": {
                "model": ["MODEL"], "seed": ["INT", {"default": 0}], "steps": ["INT", {}],
                "sampler_name": ["COMBO", {"options": ["euler", "dpmpp_2m"]}],
                "scheduler": [["normal", "karras"], {}]}}},
            "SaveImage": {"input": {"required": {"images": ["IMAGE"], "filename_prefix": ["STRING", {}]}}}
        })
    }

    #[test]
    fn a_workflow_the_server_can_run_has_no_problem_whatever_the_list_form() {
        let graph = json!({
            "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "{{checkpoint}}"}},
            "3": {"class_type": "KSampler", "inputs": {"model": ["4", 0], "seed": "{{seed}}", "steps": 20,
                "sampler_name": "euler", "scheduler": "karras"}},
            "9": {"class_type": "SaveImage", "inputs": {"images": ["3", 0], "filename_prefix": "easel"}}
        });
        assert_eq!(problems("flow.json", &graph, &object_info()), Vec::<String>::new());
    }

    #[test]
    fn a_missing_node_input_or_list_value_is_named_with_what_the_server_has() {
        let graph = json!({
            "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "gone.safetensors"}},
            "3": {"class_type": "KSampler", "inputs": {"model": ["4", 0], "seed": 1, "sampler_name": "ddim",
                "scheduler": "normal"}},
            "7": {"class_type": "FancyUpscaler", "inputs": {}}
        });
        assert_eq!(
            problems("flow.json", &graph, &object_info()),
            [
                "workflow `flow.json` node 3 (KSampler) input sampler_name: `ddim` is not on the server (it has 2 \
                 choices, such as `euler`, `dpmpp_2m`)",
                "workflow `flow.json` node 3 (KSampler): the required input `steps` is missing",
                "workflow `flow.json` node 4 (CheckpointLoaderSimple) input ckpt_name: `gone.safetensors` is not on \
                 the server (it has 2 choices, such as `sd_xl_base_1.0.safetensors`, `v1-5.safetensors`)",
                "workflow `flow.json` node 7: ComfyUI has no node `FancyUpscaler` (a custom node not installed?)",
            ]
        );
    }
}
