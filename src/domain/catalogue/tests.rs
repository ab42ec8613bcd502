//! Unit tests of the catalogue: the built-in file, prices, and every mistake named.

use proptest::prelude::*;

use super::check::{MAX_IMAGE_USD, MAX_PROMPT_CHARS};
use super::*;

const MINIMAL: &str = r#"
[[model]]
id = "tiny"
backend = "openai"
provider_model = "tiny-1"
sizes = ["256x256", "512x512"]
default_size = "256x256"
qualities = ["standard"]
default_quality = "standard"
hd_quality = "standard"
n_min = 1
n_max = 2
prompt_max_chars = 100
response = "url"

[[model.price.image]]
qualities = ["standard"]
sizes = ["256x256", "512x512"]
usd = 0.02
"#;

#[test]
fn the_builtin_catalogue_parses_and_offers_the_current_models() {
    let catalogue = Catalogue::builtin();
    for id in ["gpt-image-2", "gpt-image-2.6-flare", "gpt-image-2.6-sunburst", "dall-e-3", "dall-e-2"] {
        assert!(catalogue.get(id).is_some(), "{id} missing");
    }
    assert!(catalogue.models().len() <= 25, "Discord allows 25 choices of model");
}

#[test]
fn builtin_prices_match_the_published_figures() {
    let catalogue = Catalogue::builtin();
    let dalle3 = catalogue.get("dall-e-3").unwrap();
    assert_eq!(dalle3.image_price("1024x1024", "standard"), Some(0.04));
    assert_eq!(dalle3.image_price("1792x1024", "hd"), Some(0.12));
    let dalle2 = catalogue.get("dall-e-2").unwrap();
    assert_eq!(dalle2.estimate_usd("512x512", "standard", 3), 0.018 * 3.0);
}

#[test]
fn token_usage_is_priced_per_million() {
    let model = Catalogue::builtin().get("gpt-image-2").unwrap().clone();
    let usage = TokenUsage { text_input: 1_000_000, image_input: 0, image_output: 1_000_000 };
    assert_eq!(model.usage_usd(&usage), Some(35.0));
    let tiny = Catalogue::parse(MINIMAL).unwrap();
    assert_eq!(tiny.models()[0].usage_usd(&usage), None, "per-image models have no token price");
}

#[test]
fn a_default_size_outside_the_sizes_names_entry_and_field() {
    let broken = MINIMAL.replace(r#"default_size = "256x256""#, r#"default_size = "999x999""#);
    let err = Catalogue::parse(&broken).unwrap_err().to_string();
    assert!(err.contains("`tiny`") && err.contains("default_size"), "{err}");
}

#[test]
fn a_missing_price_names_the_size_and_quality() {
    let broken = MINIMAL.replace(
        r#"sizes = ["256x256", "512x512"]
usd"#,
        r#"sizes = ["256x256"]
usd"#,
    );
    let err = Catalogue::parse(&broken).unwrap_err().to_string();
    assert!(err.contains("price.image") && err.contains("512x512"), "{err}");
}

#[test]
fn unknown_fields_and_bad_toml_are_refused() {
    let err = Catalogue::parse(&MINIMAL.replace("n_min = 1", "n_min = 1\ncolour = 3")).unwrap_err();
    assert!(err.to_string().contains("colour"), "{err}");
    assert!(matches!(Catalogue::parse("[[model]\n"), Err(CatalogueError::Syntax(_))));
    assert!(matches!(Catalogue::parse(""), Err(CatalogueError::Empty)));
}

#[test]
fn only_a_comfyui_model_taking_several_images_has_a_blend_workflow_and_blends() {
    let err =
        Catalogue::parse(&MINIMAL.replace("n_min = 1", "n_min = 1\nblend_workflow = \"builtin:blend\"")).unwrap_err();
    assert!(err.to_string().contains("blend_workflow"), "{err}");
    let catalogue = Catalogue::parse(DEFAULT_CATALOGUE).unwrap();
    let comfy = catalogue.models().iter().find(|m| m.id == "comfyui-sdxl").unwrap();
    assert!(comfy.blends() && !comfy.takes_references(), "ComfyUI blends through its workflow, takes no reference");
    let a1111 = catalogue.models().iter().find(|m| m.backend == BackendKind::Automatic1111).unwrap();
    assert!(!a1111.blends());
}

#[test]
fn masks_go_to_models_that_inpaint_and_pan_to_those_that_inpaint_at_pixel_sizes() {
    let err = Catalogue::parse(&MINIMAL.replace("n_min = 1", "n_min = 1\ninpaint_workflow = \"builtin:inpaint\""))
        .unwrap_err();
    assert!(err.to_string().contains("inpaint_workflow"), "{err}");
    let catalogue = Catalogue::parse(DEFAULT_CATALOGUE).unwrap();
    let model =
        |backend: BackendKind| catalogue.models().iter().find(|m| m.backend == backend && m.can_edit()).unwrap();
    assert!(model(BackendKind::Comfyui).inpaints() && model(BackendKind::Comfyui).extends(), "builtin:inpaint");
    assert!(model(BackendKind::Automatic1111).extends() && model(BackendKind::Openai).extends());
    assert!(model(BackendKind::Stability).inpaints() && !model(BackendKind::Stability).extends(), "sizes are ratios");
    let mut bare = model(BackendKind::Comfyui).clone();
    bare.inpaint_workflow = None;
    assert!(bare.can_edit() && !bare.inpaints(), "img2img alone takes no mask");
}

#[test]
fn a_bad_size_and_a_bad_n_range_are_refused() {
    let err = Catalogue::parse(&MINIMAL.replace(r#""512x512"]"#, r#""big"]"#)).unwrap_err();
    assert!(err.to_string().contains("`big`"), "{err}");
    let err = Catalogue::parse(&MINIMAL.replace("n_max = 2", "n_max = 0")).unwrap_err();
    assert!(err.to_string().contains("n_max"), "{err}");
}

#[test]
fn duplicate_ids_are_refused() {
    let twice = format!("{MINIMAL}\n{MINIMAL}");
    let err = Catalogue::parse(&twice).unwrap_err().to_string();
    assert!(err.contains("appears twice"), "{err}");
}

#[test]
fn the_catalogue_offers_no_size_easel_cannot_verify() {
    let err = Catalogue::parse(&MINIMAL.replace(r#""512x512"]"#, r#""9000x512"]"#)).unwrap_err();
    assert!(err.to_string().contains("`9000x512`"), "{err}");
}

#[test]
fn prices_and_rates_out_of_range_are_refused() {
    let err = Catalogue::parse(&MINIMAL.replace("usd = 0.02", "usd = 1e300")).unwrap_err();
    assert!(err.to_string().contains("price.image.usd"), "{err}");
    let rated = MINIMAL
        .replace("[[model.price.image]]", "[model.price]\nimage_output_per_million = -30.0\n\n[[model.price.image]]");
    let err = Catalogue::parse(&rated).unwrap_err();
    assert!(err.to_string().contains("image_output_per_million"), "{err}");
}

/// A number as TOML may hold it in any field: whole, fractional, negative, huge, not finite.
fn any_number() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|v| v.to_string()),
        any::<f64>().prop_map(|v| format!("{v:?}")),
        Just("inf".to_owned()),
        Just("nan".to_owned()),
        Just("-0.0".to_owned()),
    ]
}

proptest! {
    #[test]
    fn any_value_in_a_numeric_field_is_accepted_in_range_or_refused_never_panics(
        field in prop::sample::select(vec!["n_min = 1", "n_max = 2", "prompt_max_chars = 100", "usd = 0.02"]),
        value in any_number(),
    ) {
        let name = field.split(" = ").next().unwrap();
        let text = MINIMAL.replace(field, &format!("{name} = {value}"));
        if let Ok(catalogue) = Catalogue::parse(&text) {
            let model = &catalogue.models()[0];
            prop_assert!((1..=10).contains(&model.n_min) && model.n_min <= model.n_max && model.n_max <= 10);
            prop_assert!((1..=MAX_PROMPT_CHARS).contains(&model.prompt_max_chars));
            let usd = model.image_price("256x256", "standard").unwrap();
            prop_assert!(usd.is_finite() && (0.0..=MAX_IMAGE_USD).contains(&usd));
        }
    }

    #[test]
    fn any_size_text_is_accepted_as_pixels_or_refused_never_panics(size in "[0-9x]{0,12}|auto|\\PC{0,12}") {
        let text = MINIMAL.replace(r#"sizes = ["256x256", "512x512"]
default_size = "256x256""#, &format!("sizes = [{size:?}]\ndefault_size = {size:?}"));
        if let Ok(catalogue) = Catalogue::parse(&text) {
            let model = &catalogue.models()[0];
            let (w, h) = parse_size(&model.sizes[0]).unwrap_or((1, 1));
            prop_assert!(w >= 1 && h >= 1 && w.max(h) <= MAX_SIDE);
        }
    }

    #[test]
    fn any_text_is_a_catalogue_or_an_error_never_a_panic(text in "\\PC{0,200}") {
        let _ = Catalogue::parse(&text);
    }
}
