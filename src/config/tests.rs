//! Unit tests of `config`.

use std::collections::HashMap;

use super::*;

fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
    let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    Config::from_lookup(|k| map.get(k).cloned())
}

#[test]
fn a_missing_token_is_named() {
    let err = config(&[]).unwrap_err().to_string();
    assert!(err.starts_with("DISCORD_TOKEN is not set"), "{err}");
}

#[test]
fn defaults_point_at_the_real_services() {
    let c = config(&[("DISCORD_TOKEN", "abc")]).unwrap();
    assert!(c.uses_real_discord());
    assert_eq!(c.openai_base_url.as_str(), "https://api.openai.com/v1");
    assert_eq!(c.default_model, "gpt-image-2");
    assert_eq!(c.database_path, PathBuf::from("easel.db"));
}

#[test]
fn malformed_values_are_named_and_secrets_never_printed() {
    let err = config(&[("DISCORD_TOKEN", "s3cret"), ("DISCORD_GUILD_ID", "abc")]).unwrap_err().to_string();
    assert!(err.contains("DISCORD_GUILD_ID") && !err.contains("s3cret"), "{err}");
    let err = config(&[("DISCORD_TOKEN", "t"), ("OPENAI_BASE_URL", "ftp:/x")]).unwrap_err().to_string();
    assert!(err.contains("OPENAI_BASE_URL"), "{err}");
    let err = config(&[("DISCORD_TOKEN", "t"), ("EASEL_DEFAULT_MODEL", "nope")]).unwrap_err().to_string();
    assert!(err.contains("EASEL_DEFAULT_MODEL"), "{err}");
    let err = config(&[("DISCORD_TOKEN", "t"), ("EASEL_DEFAULT_LOCALE", "klingon")]).unwrap_err().to_string();
    assert!(err.contains("EASEL_DEFAULT_LOCALE") && err.contains("zh-CN"), "{err}");
    let err = config(&[("DISCORD_TOKEN", "t"), ("EASEL_TRANSLATE_MODEL", "gpt 4")]).unwrap_err().to_string();
    assert!(err.contains("EASEL_TRANSLATE_MODEL"), "{err}");
    let c = config(&[("DISCORD_TOKEN", "t"), ("EASEL_DEFAULT_LOCALE", "pt-br")]).unwrap();
    assert_eq!((c.default_locale, c.translate_model), (crate::domain::lang::Lang::PtBr, None));
    let c = config(&[("DISCORD_TOKEN", "s3cret"), ("OPENAI_API_KEY", "sk-live")]).unwrap();
    let shown = format!("{c:?}");
    assert!(!shown.contains("s3cret") && !shown.contains("sk-live"), "{shown}");
}

#[test]
fn limits_have_defaults_accept_none_and_refuse_nonsense() {
    let c = config(&[("DISCORD_TOKEN", "t"), ("EASEL_IMAGES_PER_DAY", "none"), ("EASEL_USER_USD_PER_DAY", "$2.5")])
        .unwrap();
    assert_eq!(c.limits.get(LimitName::Cooldown), Some(30.0));
    assert_eq!(c.limits.get(LimitName::ImagesPerDay), None);
    assert_eq!(c.limits.get(LimitName::UserUsdPerDay), Some(2.5));
    assert!(c.limits.exempt_managers);
    let err = config(&[("DISCORD_TOKEN", "t"), ("EASEL_COOLDOWN_SECS", "-3")]).unwrap_err().to_string();
    assert!(err.contains("EASEL_COOLDOWN_SECS"), "{err}");
}

#[test]
fn discord_is_recognised_as_an_origin_not_a_string() {
    for real in ["https://discord.com", "https://discord.com/", "https://DISCORD.com:443"] {
        assert!(config(&[("DISCORD_TOKEN", "t"), ("DISCORD_API_BASE", real)]).unwrap().uses_real_discord(), "{real}");
    }
    for other in ["http://discord.com", "https://discord.com:8443", "https://discord.com.evil.io", "http://127.0.0.1:9"]
    {
        assert!(
            !config(&[("DISCORD_TOKEN", "t"), ("DISCORD_API_BASE", other)]).unwrap().uses_real_discord(),
            "{other}"
        );
    }
    let c = config(&[("DISCORD_TOKEN", "t"), ("DISCORD_API_BASE", "http://127.0.0.1:8080/")]).unwrap();
    assert_eq!(c.discord_origin(), "http://127.0.0.1:8080");
}

#[test]
fn numbers_out_of_range_are_refused_naming_the_range() {
    let err = config(&[("DISCORD_TOKEN", "t"), ("EASEL_COOLDOWN_SECS", "1e13")]).unwrap_err().to_string();
    assert!(err.contains("EASEL_COOLDOWN_SECS") && err.contains("from 0 to 86400"), "{err}");
    let err = config(&[("DISCORD_TOKEN", "t"), ("EASEL_MODEL_RETRIES", "1000000")]).unwrap_err().to_string();
    assert!(err.contains("from 0 to 10"), "{err}");
    let err = config(&[("DISCORD_TOKEN", "t"), ("EASEL_IMAGE_HOSTS", "ok.example.com,bad host")]).unwrap_err();
    assert!(err.to_string().contains("EASEL_IMAGE_HOSTS"), "{err}");
}

#[test]
fn a_catalogue_file_that_cannot_be_read_is_named() {
    let err = config(&[("DISCORD_TOKEN", "t"), ("EASEL_MODELS", "/no/such/file.toml")]).unwrap_err();
    assert!(err.to_string().starts_with("EASEL_MODELS is not valid"), "{err}");
}

#[test]
fn personal_use_and_the_spool_are_read_with_their_ranges() {
    let c = config(&[("DISCORD_TOKEN", "abc")]).unwrap();
    assert!(c.trust.user_install && c.trust.personal_usd_per_day == 0.50 && c.trust.personal_use());
    let off = config(&[("DISCORD_TOKEN", "abc"), ("EASEL_PERSONAL_USD_PER_DAY", "0")]).unwrap();
    assert!(!off.trust.personal_use(), "0 turns personal use off");
    for bad in ["-1", "none", "NaN", "1e9"] {
        let err = config(&[("DISCORD_TOKEN", "abc"), ("EASEL_PERSONAL_USD_PER_DAY", bad)]).unwrap_err().to_string();
        assert!(err.starts_with("EASEL_PERSONAL_USD_PER_DAY is not valid"), "{bad}: {err}");
    }
    let bucket = config(&[
        ("DISCORD_TOKEN", "abc"),
        ("EASEL_SPOOL", "s3://easel-images/spool/"),
        ("AWS_SECRET_ACCESS_KEY", "very-secret"),
    ])
    .unwrap();
    let crate::media::spool::SpoolPlace::Bucket(b) = &bucket.spool else { panic!("a bucket: {:?}", bucket.spool) };
    assert_eq!((b.bucket.as_str(), b.prefix.as_str(), b.region.as_str()), ("easel-images", "spool", "us-east-1"));
    assert!(!format!("{bucket:?}").contains("very-secret"), "the secret never shows");
    assert!(config(&[("DISCORD_TOKEN", "abc"), ("EASEL_SPOOL", "s3://A")]).is_err());
}

#[test]
fn a_blend_workflow_numbering_fewer_images_than_its_model_offers_stops_start_up_naming_both() {
    let text = crate::domain::catalogue::DEFAULT_CATALOGUE.replace(
        "blend_workflow = \"builtin:blend\"\ninput_images = 2",
        "blend_workflow = \"builtin:blend\"\ninput_images = 3",
    );
    let catalogue = crate::domain::catalogue::Catalogue::parse(&text).unwrap();
    let err = servers::workflows(&catalogue, None).unwrap_err().to_string();
    assert!(
        err.contains("`builtin:blend` takes 2 images") && err.contains("the 3 that `comfyui-sdxl`'s input_images"),
        "{err}"
    );
    let shipped = crate::domain::catalogue::Catalogue::parse(crate::domain::catalogue::DEFAULT_CATALOGUE).unwrap();
    assert!(servers::workflows(&shipped, None).unwrap().iter().any(|w| w.name == "builtin:blend" && w.images == 2));
}

#[test]
fn an_image_workflow_with_a_mask_still_serves_masks_when_no_inpainting_workflow_is_named() {
    let dir = std::env::temp_dir().join(format!("easel-masking-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("masking.json"), crate::backends::comfyui::workflow::BUILTIN_INPAINT).unwrap();
    let text = crate::domain::catalogue::DEFAULT_CATALOGUE
        .replace("inpaint_workflow = \"builtin:inpaint\"\n", "")
        .replace("image_workflow = \"builtin:img2img\"", "image_workflow = \"masking.json\"");
    std::fs::write(dir.join("models.toml"), text).unwrap();
    let models = dir.join("models.toml").display().to_string();
    let vars = [("DISCORD_TOKEN", "t"), ("COMFYUI_URL", "http://127.0.0.1:8188"), ("EASEL_MODELS", models.as_str())];

    let c = config(&vars).unwrap();

    let comfy = c.catalogue.get("comfyui-sdxl").unwrap();
    assert_eq!(comfy.inpaint_workflow.as_deref(), Some("masking.json"));
    assert!(comfy.inpaints() && comfy.extends());
    std::fs::remove_dir_all(&dir).unwrap();
}
