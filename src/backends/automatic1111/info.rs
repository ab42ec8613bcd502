//! What AUTOMATIC1111 says it did: its answer's `info` (a JSON document inside a string) holds the
//! seeds and the real parameters, shown to the member so a result can be reproduced.

use serde::Deserialize;
use serde_json::Value;

/// The parts of `info` Easel shows.
#[derive(Deserialize, Default)]
struct Info {
    #[serde(default)]
    all_seeds: Vec<i64>,
    #[serde(default)]
    seed: Option<i64>,
    #[serde(default)]
    steps: Option<u32>,
    #[serde(default)]
    sampler_name: Option<String>,
    #[serde(default)]
    scheduler: Option<String>,
    #[serde(default)]
    cfg_scale: Option<f64>,
    #[serde(default)]
    sd_model_name: Option<String>,
}

fn parse(info: Option<&Value>) -> Option<Info> {
    match info? {
        Value::String(text) => serde_json::from_str(text).ok(),
        object => serde_json::from_value(object.clone()).ok(),
    }
}

/// The seeds AUTOMATIC1111 used (`all_seeds`, else `seed`); seeds outside what a seed can be are dropped.
pub fn seeds_of(info: Option<&Value>) -> Vec<i64> {
    let Some(info) = parse(info) else { return Vec::new() };
    let seeds = if info.all_seeds.is_empty() { info.seed.into_iter().collect() } else { info.all_seeds };
    seeds.into_iter().filter(|s| crate::domain::request::SEED_RANGE.contains(s) && *s >= 0).take(10).collect()
}

/// The real parameters as a member reads them: "25 steps · DPM++ 2M (Karras) · CFG 7 · sd_xl_base".
/// Numbers out of any sensible range and overlong names are left out.
pub fn details_of(info: Option<&Value>) -> Option<String> {
    let info = parse(info)?;
    let short = |s: Option<String>| s.filter(|s| !s.trim().is_empty() && s.len() <= 100);
    let mut parts = Vec::new();
    if let Some(steps) = info.steps.filter(|s| (1..=1000).contains(s)) {
        parts.push(format!("{steps} steps"));
    }
    match (short(info.sampler_name), short(info.scheduler)) {
        (Some(sampler), Some(scheduler)) => parts.push(format!("{sampler} ({scheduler})")),
        (Some(sampler), None) => parts.push(sampler),
        _ => {}
    }
    if let Some(cfg) = info.cfg_scale.filter(|c| c.is_finite() && (0.0..=100.0).contains(c)) {
        parts.push(format!("CFG {cfg}"));
    }
    if let Some(model) = short(info.sd_model_name) {
        parts.push(model);
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn seeds_are_read_from_the_info_string() {
        let text = |t: &str| Value::String(t.to_owned());
        assert_eq!(seeds_of(Some(&text(r#"{"seed": 5, "all_seeds": [5, 6]}"#))), [5, 6]);
        assert_eq!(seeds_of(Some(&json!({"seed": 42}))), [42]);
        assert_eq!(seeds_of(Some(&text("not json"))), Vec::<i64>::new());
        assert_eq!(seeds_of(Some(&text(r#"{"all_seeds": [-5, 99999999999]}"#))), Vec::<i64>::new());
        assert_eq!(seeds_of(None), Vec::<i64>::new());
    }

    #[test]
    fn the_real_parameters_are_read_for_the_member() {
        let info = Value::String(
            json!({"seed": 1, "steps": 25, "sampler_name": "DPM++ 2M", "scheduler": "Karras", "cfg_scale": 7.0,
                   "sd_model_name": "sd_xl_base_1.0"})
            .to_string(),
        );
        assert_eq!(details_of(Some(&info)).as_deref(), Some("25 steps · DPM++ 2M (Karras) · CFG 7 · sd_xl_base_1.0"));
        assert_eq!(details_of(Some(&json!({"steps": 99999, "cfg_scale": f64::MAX}))), None);
    }
}
