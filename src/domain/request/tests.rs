//! Unit tests of checking requests against the catalogue.

use super::*;

pub(crate) fn request(command: Command, prompt: &str) -> JobRequest {
    let requester =
        Requester { user_id: 7, guild_id: Some(1), channel_id: 2, roles: vec![], is_manager: false, locale: None };
    JobRequest { prompt: Some(prompt.into()), ..JobRequest::new(JobId("1".into()), command, requester, 10 << 20) }
}

fn resolve(r: &JobRequest) -> Result<JobSpec, InvalidRequest> {
    r.resolve(&Catalogue::builtin(), "gpt-image-2", 1 << 20)
}

#[test]
fn defaults_come_from_the_catalogue() {
    let spec = resolve(&request(Command::Generate, " a cat ")).unwrap();
    assert_eq!(spec.model.id, "gpt-image-2");
    assert_eq!((spec.size.as_str(), spec.quality.as_str(), spec.n), ("1024x1024", "medium", 1));
    assert_eq!(spec.prompt.as_deref(), Some("a cat"));
    assert_eq!(spec.estimate_usd, 0.048);
}

#[test]
fn hd_uses_the_top_quality_of_each_model() {
    let mut r = request(Command::Hd, "a cat");
    r.quality = Some("low".into());
    assert_eq!(resolve(&r).unwrap().quality, "high");
    r.model = Some("dall-e-3".into());
    assert_eq!(resolve(&r).unwrap().quality, "hd");
}

#[test]
fn an_invalid_size_lists_what_the_model_allows() {
    let mut r = request(Command::Generate, "a cat");
    r.model = Some("dall-e-3".into());
    r.size = Some("256x256".into());
    let allowed = ["1024x1024", "1792x1024", "1024x1792"].map(String::from).to_vec();
    let expected =
        InvalidRequest::NotAllowed { model: "dall-e-3".into(), option: "size", value: "256x256".into(), allowed };
    assert_eq!(resolve(&r).unwrap_err(), expected);
}

#[test]
fn style_n_and_prompt_length_are_checked() {
    let mut r = request(Command::Generate, "a cat");
    r.style = Some("vivid".into());
    assert!(matches!(resolve(&r), Err(InvalidRequest::NoStyles { .. })));
    r.model = Some("dall-e-3".into());
    assert_eq!(resolve(&r).unwrap().style.as_deref(), Some("vivid"));
    r.n = Some(2);
    assert!(matches!(resolve(&r), Err(InvalidRequest::CountOutOfRange { n: 2, min: 1, max: 1, .. })));
    let mut long = request(Command::Generate, &"x".repeat(1001));
    long.model = Some("dall-e-2".into());
    assert!(matches!(resolve(&long), Err(InvalidRequest::PromptTooLong { len: 1001, max: 1000, .. })));
    assert!(matches!(resolve(&request(Command::Generate, "  ")), Err(InvalidRequest::EmptyPrompt)));
    let invisible = request(Command::Generate, "\u{200B}\u{200D}\u{2060}\u{FEFF}\u{202E}");
    assert!(matches!(resolve(&invisible), Err(InvalidRequest::EmptyPrompt)), "zero-width only is empty");
    let hidden = resolve(&request(Command::Generate, "a dra\u{200B}gon")).unwrap();
    assert_eq!(hidden.member_prompt.as_deref(), Some("a dragon"));
}

#[test]
fn variations_need_a_capable_model_and_a_real_image_upload() {
    let mut r = request(Command::Variation, "");
    r.prompt = None;
    assert!(matches!(resolve(&r), Err(InvalidRequest::MissingImage)));
    r.source = Some(SourceImage {
        url: "https://cdn.discordapp.com/a.txt".into(),
        filename: "a.txt".into(),
        content_type: Some("text/plain".into()),
        size: 10,
        dimensions: None,
        kept: None,
    });
    assert!(matches!(resolve(&r), Err(InvalidRequest::NotAnImage { .. })));
    let source = r.source.as_mut().unwrap();
    source.content_type = Some("image/png".into());
    source.size = 2 << 20;
    assert!(matches!(resolve(&r), Err(InvalidRequest::ImageTooLarge { .. })));
    r.source.as_mut().unwrap().size = 1000;
    let spec = resolve(&r).unwrap();
    assert!(spec.prompt.unwrap().starts_with("Create a variation"), "edits get the catalogue instruction");
    r.model = Some("dall-e-3".into());
    let refused = resolve(&r).unwrap_err();
    assert!(
        matches!(&refused, InvalidRequest::VariationUnsupported { capable, .. } if capable.contains(&"dall-e-2".to_owned())),
        "{refused:?}"
    );
}
