//! ComfyUI workflows: API-format JSON graphs (ComfyUI's "Save (API format)") whose inputs hold named
//! placeholders, `"{{prompt}}"`, `"{{seed}}"` and so on, filled in for each job.
//!
//! A placeholder that is a whole JSON string becomes the value itself (a number stays a number); inside
//! a longer string it is replaced as text. Every workflow is checked when Easel starts: one missing a
//! placeholder its kind needs is refused, naming the file.

use std::collections::BTreeMap;

use serde_json::Value;

/// The text-to-image workflow shipped with Easel (`builtin:txt2img`).
pub const BUILTIN_TXT2IMG: &str = include_str!("../../../workflows/txt2img.json");
/// The image-to-image workflow shipped with Easel (`builtin:img2img`).
pub const BUILTIN_IMG2IMG: &str = include_str!("../../../workflows/img2img.json");

/// The blend workflow shipped with Easel (`builtin:blend`): two images mixed half and half, scaled to
/// the job's size and re-rendered with the prompt.
pub const BUILTIN_BLEND: &str = include_str!("../../../workflows/blend.json");

/// The inpainting workflow shipped with Easel (`builtin:inpaint`): the masked area (white) repainted
/// from the prompt, the rest kept; what `/edit` with a mask, Pan and Zoom Out run.
pub const BUILTIN_INPAINT: &str = include_str!("../../../workflows/inpaint.json");

/// The most input images a blend workflow may declare (`{{image}}`, `{{image2}}` … `{{image16}}`).
pub const MAX_BLEND_INPUTS: u8 = 16;

/// The largest workflow file Easel reads.
const MAX_WORKFLOW_BYTES: u64 = 4 * 1024 * 1024;

/// Which job a workflow does, and so which placeholders it must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkflowKind {
    /// Text to image: prompt, negative prompt, seed, width, height, steps.
    Text,
    /// Image to image: prompt, negative prompt, seed, steps, and the input image.
    Image,
    /// A blend (`/blend`): prompt, negative prompt, seed, steps, and at least two input images
    /// (`{{image}}`, `{{image2}}`, and optionally `{{image3}}` on).
    Blend,
    /// Inpainting (a masked edit, Pan, Zoom Out): prompt, negative prompt, seed, steps, the image and
    /// its mask (white where to repaint).
    Inpaint,
}

impl WorkflowKind {
    /// The placeholders a workflow of this kind must hold.
    pub fn required(self) -> &'static [&'static str] {
        match self {
            Self::Text => &["prompt", "negative_prompt", "seed", "width", "height", "steps"],
            Self::Image => &["prompt", "negative_prompt", "seed", "steps", "image"],
            Self::Blend => &["prompt", "negative_prompt", "seed", "steps", "image", "image2"],
            Self::Inpaint => &["prompt", "negative_prompt", "seed", "steps", "image", "mask"],
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Self::Text => "text-to-image",
            Self::Image => "image-to-image",
            Self::Blend => "blend",
            Self::Inpaint => "inpainting",
        }
    }
}

/// A workflow that cannot be used, naming the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkflowError {
    /// The file cannot be read.
    #[error("the ComfyUI workflow `{name}` cannot be read: {reason}")]
    Unreadable {
        /// The file or builtin name.
        name: String,
        /// Why.
        reason: String,
    },
    /// The file is not an API-format workflow.
    #[error("the ComfyUI workflow `{name}` is not an API-format workflow (a JSON object of nodes): {reason}")]
    NotAWorkflow {
        /// The file or builtin name.
        name: String,
        /// Why.
        reason: String,
    },
    /// A placeholder is missing.
    #[error("the ComfyUI workflow `{name}` has no `{{{{{placeholder}}}}}` placeholder, which a {kind} workflow needs")]
    MissingPlaceholder {
        /// The file or builtin name.
        name: String,
        /// The placeholder.
        placeholder: &'static str,
        /// `text-to-image`, `image-to-image` or `blend`.
        kind: &'static str,
    },
    /// A blend workflow numbers fewer input images than its model's `input_images`.
    #[error(
        "the ComfyUI workflow `{name}` takes {images} images (`{{{{image}}}}`, `{{{{image2}}}}`…), fewer than \
         the {wanted} that `{model}`'s input_images offers"
    )]
    TooFewImages {
        /// The file or builtin name.
        name: String,
        /// The catalogue model.
        model: String,
        /// The images the workflow numbers.
        images: u8,
        /// The model's `input_images`.
        wanted: u8,
    },
}

/// A checked workflow.
#[derive(Debug, Clone, PartialEq)]
pub struct Workflow {
    /// Its file (or builtin) name.
    pub name: String,
    graph: Value,
    /// Whether it makes several images at once (`{{batch_size}}`); if not, one image per run.
    pub batches: bool,
    /// Whether it inpaints with a mask (`{{mask}}`, an uploaded image white where to repaint).
    pub takes_mask: bool,
    /// How many input images it takes: `{{image}}`, then `{{image2}}`, `{{image3}}`… in a row (a blend
    /// workflow's; 1 for image to image, 0 for text to image).
    pub images: u8,
}

impl Workflow {
    /// The graph as written, placeholders unfilled (for checks against the server's `/object_info`).
    pub fn graph(&self) -> &Value {
        &self.graph
    }

    /// Reads and checks the workflow `name` (`builtin:txt2img`, `builtin:img2img`, `builtin:blend`,
    /// `builtin:inpaint`, or a file path).
    pub fn load(name: &str, kind: WorkflowKind) -> Result<Self, WorkflowError> {
        Self::load_beside(name, None, kind)
    }

    /// As [`Self::load`], a relative path read from `folder` (the catalogue file's) when given.
    pub fn load_beside(
        name: &str,
        folder: Option<&std::path::Path>,
        kind: WorkflowKind,
    ) -> Result<Self, WorkflowError> {
        let text = match name {
            "builtin:txt2img" => BUILTIN_TXT2IMG.to_owned(),
            "builtin:img2img" => BUILTIN_IMG2IMG.to_owned(),
            "builtin:blend" => BUILTIN_BLEND.to_owned(),
            "builtin:inpaint" => BUILTIN_INPAINT.to_owned(),
            path => {
                let path = std::path::Path::new(path);
                let full = match folder {
                    Some(folder) if path.is_relative() => folder.join(path),
                    _ => path.to_owned(),
                };
                read_file(name, &full)?
            }
        };
        Self::parse(name, &text, kind)
    }

    /// Checks a workflow's text.
    pub fn parse(name: &str, text: &str, kind: WorkflowKind) -> Result<Self, WorkflowError> {
        let not_a_workflow = |reason: String| WorkflowError::NotAWorkflow { name: name.to_owned(), reason };
        let graph: Value = serde_json::from_str(text).map_err(|e| not_a_workflow(e.to_string()))?;
        let nodes = graph.as_object().ok_or_else(|| not_a_workflow("the top level is not an object".into()))?;
        if nodes.values().any(|node| node.get("class_type").is_none()) {
            return Err(not_a_workflow("a node has no `class_type` (export it with Save (API format))".into()));
        }
        let mut found = Vec::new();
        collect(&graph, &mut found);
        for placeholder in kind.required() {
            if !found.iter().any(|f| f == placeholder) {
                return Err(WorkflowError::MissingPlaceholder {
                    name: name.to_owned(),
                    placeholder,
                    kind: kind.describe(),
                });
            }
        }
        let has = |name: &str| found.iter().any(|f| f == name);
        let images = if has("image") {
            1 + (2..=MAX_BLEND_INPUTS).take_while(|k| has(&format!("image{k}"))).count() as u8
        } else {
            0
        };
        Ok(Self { name: name.to_owned(), batches: has("batch_size"), takes_mask: has("mask"), images, graph })
    }

    /// The graph with every placeholder filled from `values` (an unknown placeholder is left as is,
    /// so ComfyUI names the node it breaks).
    pub fn fill(&self, values: &BTreeMap<&str, Value>) -> Value {
        fill(&self.graph, values)
    }
}

fn read_file(name: &str, path: &std::path::Path) -> Result<String, WorkflowError> {
    let unreadable = |reason: String| WorkflowError::Unreadable { name: name.to_owned(), reason };
    let size = std::fs::metadata(path).map_err(|e| unreadable(e.to_string()))?.len();
    if size > MAX_WORKFLOW_BYTES {
        return Err(unreadable(format!("{size} bytes, over the {MAX_WORKFLOW_BYTES} Easel reads")));
    }
    std::fs::read_to_string(path).map_err(|e| unreadable(e.to_string()))
}

/// The names of every `{{placeholder}}` in the graph's strings.
fn collect(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::String(text) => {
            let mut rest = text.as_str();
            while let Some(start) = rest.find("{{") {
                let Some(end) = rest[start..].find("}}") else { break };
                found.push(rest[start + 2..start + end].trim().to_owned());
                rest = &rest[start + end + 2..];
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect(v, found)),
        Value::Object(map) => map.values().for_each(|v| collect(v, found)),
        _ => {}
    }
}

fn fill(value: &Value, values: &BTreeMap<&str, Value>) -> Value {
    match value {
        Value::String(text) => {
            let whole = text.trim().strip_prefix("{{").and_then(|t| t.strip_suffix("}}")).map(str::trim);
            if let Some(value) = whole.and_then(|name| values.get(name)) {
                return value.clone();
            }
            let mut out = text.clone();
            for (name, value) in values {
                let as_text = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
                out = out.replace(&format!("{{{{{name}}}}}"), &as_text);
            }
            Value::String(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| fill(v, values)).collect()),
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), fill(v, values))).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_builtin_workflows_have_every_placeholder_and_are_filled_with_typed_values() {
        let text = Workflow::load("builtin:txt2img", WorkflowKind::Text).unwrap();
        assert!(text.batches);
        assert_eq!(text.images, 0);
        assert_eq!(Workflow::load("builtin:img2img", WorkflowKind::Image).unwrap().images, 1);
        let blend = Workflow::load("builtin:blend", WorkflowKind::Blend).unwrap();
        assert_eq!((blend.images, blend.batches), (2, true));
        assert!(Workflow::load("builtin:inpaint", WorkflowKind::Inpaint).unwrap().takes_mask);
        let values = BTreeMap::from([
            ("prompt", json!("a fox")),
            ("seed", json!(42)),
            ("width", json!(1024)),
            ("checkpoint", json!("sdxl.safetensors")),
        ]);
        let graph = text.fill(&values);
        assert_eq!(graph["6"]["inputs"]["text"], "a fox");
        assert_eq!(graph["3"]["inputs"]["seed"], 42, "a number stays a number");
        assert_eq!(graph["5"]["inputs"]["width"], 1024);
        assert_eq!(graph["4"]["inputs"]["ckpt_name"], "sdxl.safetensors");
    }

    #[test]
    fn a_workflow_missing_a_placeholder_is_refused_naming_it_and_the_file() {
        let no_seed = r#"{"1": {"class_type": "X", "inputs": {"text": "{{prompt}}, {{negative_prompt}}", "w": "{{width}}", "h": "{{height}}", "s": "{{steps}}"}}}"#;
        let refused = Workflow::parse("my-flow.json", no_seed, WorkflowKind::Text).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "the ComfyUI workflow `my-flow.json` has no `{{seed}}` placeholder, which a text-to-image workflow needs"
        );
        let ui_format = r#"{"nodes": [], "links": []}"#;
        assert!(matches!(
            Workflow::parse("ui.json", ui_format, WorkflowKind::Text),
            Err(WorkflowError::NotAWorkflow { .. })
        ));
        assert!(matches!(
            Workflow::load("/nonexistent/flow.json", WorkflowKind::Text),
            Err(WorkflowError::Unreadable { .. })
        ));
    }

    #[test]
    fn a_blend_workflow_takes_as_many_images_as_it_numbers_in_a_row_and_at_least_two() {
        let flow = |images: &str| {
            let text = format!(
                r#"{{"1": {{"class_type": "X", "inputs": {{"t": "{{{{prompt}}}} {{{{negative_prompt}}}} {{{{seed}}}} {{{{steps}}}}", {images}}}}}}}"#
            );
            Workflow::parse("blend.json", &text, WorkflowKind::Blend)
        };
        let three = flow(r#""a": "{{image}}", "b": "{{image2}}", "c": "{{image3}}", "e": "{{image5}}""#).unwrap();
        assert_eq!(three.images, 3, "{{{{image5}}}} without {{{{image4}}}} is not counted");
        let refused = flow(r#""a": "{{image}}""#).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "the ComfyUI workflow `blend.json` has no `{{image2}}` placeholder, which a blend workflow needs"
        );
    }

    #[test]
    fn a_placeholder_inside_a_longer_string_is_replaced_as_text() {
        let flow = Workflow::parse(
            "f",
            r#"{"1": {"class_type": "X", "inputs": {"t": "{{prompt}}, masterpiece", "n": "{{negative_prompt}}", "s": "{{seed}}", "w": "{{width}}", "h": "{{height}}", "k": "{{steps}}"}}}"#,
            WorkflowKind::Text,
        )
        .unwrap();
        assert!(!flow.batches);
        let graph = flow.fill(&BTreeMap::from([("prompt", json!("a fox"))]));
        assert_eq!(graph["1"]["inputs"]["t"], "a fox, masterpiece");
    }
}
