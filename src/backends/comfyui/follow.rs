//! Following one queued prompt to its end, as a real ComfyUI runs it.
//!
//! The run's end is `executing` with `node: null` for the prompt (ComfyUI's own websocket example ends
//! there): `execution_success` comes *before* ComfyUI writes the run into `/history` (about one run in
//! ten read it empty, Comfy-Org/ComfyUI#11540). The saved images are taken from the `executed` events;
//! `/history` is read (retried briefly while the prompt is absent) only when those named none.
//!
//! A websocket that drops while the server stays up (a reverse proxy's idle timeout) is reconnected with
//! the same client id, and the server is asked where the prompt stands: finished (its history), still
//! queued or running (followed again), or gone (a restart): only then is it run again. A run abandoned
//! before its end (a member's cancel, a timeout) is taken off ComfyUI's queue, or interrupted when it is
//! the one running, so the server does not keep working for nobody.

use std::time::Duration;

use futures_util::StreamExt;
use reqwest::Client;
use serde::Deserialize;
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;
use tracing::{info, warn};

use super::errors;
use super::ComfyUiBackend;
use crate::backends::{read_json, transport_error, BackendError, Progress, MAX_SMALL_ANSWER};

/// How many times a dropped websocket is reconnected within one run.
const RECONNECTS: u32 = 20;
/// How often `/history` is read again while a finished prompt is not in it yet.
const HISTORY_TRIES: u32 = 20;

type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// An image ComfyUI saved, as `executed` and `/history` list it.
#[derive(Debug, Clone, Deserialize)]
pub(super) struct Output {
    pub filename: String,
    #[serde(default)]
    pub subfolder: String,
    #[serde(default, rename = "type")]
    pub kind: String,
}

/// What one websocket event means for the followed prompt.
enum Event {
    Progress(Option<Progress>),
    Saved(Vec<Output>),
    Ended,
    Failed(BackendError),
    Other,
}

/// Reads one websocket event; events of other prompts are [`Event::Other`].
fn read_event(event: &Value, prompt_id: &str) -> Event {
    let data = &event["data"];
    if data["prompt_id"].as_str().is_some_and(|id| id != prompt_id) {
        return Event::Other;
    }
    match event["type"].as_str().unwrap_or_default() {
        "progress" => {
            let (value, max) = (data["value"].as_u64().unwrap_or(0), data["max"].as_u64().unwrap_or(0));
            Event::Progress(Progress::checked(value, max).filter(|p| p.step > 0))
        }
        "executed" => Event::Saved(images_of(&data["output"])),
        "executing" if data["node"].is_null() && data["prompt_id"].is_string() => Event::Ended,
        "execution_error" => Event::Failed(errors::run_failed(data)),
        "execution_interrupted" => Event::Failed(errors::interrupted(data)),
        _ => Event::Other,
    }
}

/// The largest preview frame kept (ComfyUI's are small: a latent preview, or a sampled step).
const MAX_PREVIEW_BYTES: usize = 4 * 1024 * 1024;

/// The image of a binary websocket frame: event 1 (`PREVIEW_IMAGE`: a 4-byte image type, JPEG or PNG,
/// then the image) or event 4 (`PREVIEW_IMAGE_WITH_METADATA`: a 4-byte length, that much JSON, then
/// the image). Anything else, or an image too large to hold, is `None`.
fn preview_image(frame: &[u8]) -> Option<&[u8]> {
    let word = |at: usize| frame.get(at..at + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let image = match word(0)? {
        1 => frame.get(8..)?,
        4 => frame.get(8usize.checked_add(word(4)?)?..)?,
        _ => return None,
    };
    (!image.is_empty() && image.len() <= MAX_PREVIEW_BYTES).then_some(image)
}

/// The images one node's output lists.
fn images_of(output: &Value) -> Vec<Output> {
    serde_json::from_value(output.get("images").cloned().unwrap_or(Value::Null)).unwrap_or_default()
}

/// Where a prompt stands, asked after the websocket dropped.
enum Standing {
    Finished(Result<Vec<Output>, BackendError>),
    Waiting,
    Gone,
}

impl ComfyUiBackend {
    /// Opens the websocket of `client_id`.
    pub(super) async fn connect(&self, client_id: &str) -> Result<Socket, BackendError> {
        let (socket, _) = tokio_tungstenite::connect_async(self.socket_url(client_id))
            .await
            .map_err(|e| BackendError::Unavailable(format!("ComfyUI's websocket: {e}")))?;
        Ok(socket)
    }

    /// Follows `prompt_id` until it ends; returns the images it saved. `abandon` is disarmed once the
    /// run has ended on the server (well or not): only a run still going is stopped when dropped.
    pub(super) async fn follow(
        &self,
        mut socket: Socket,
        client_id: &str,
        prompt_id: &str,
        abandon: &mut Abandon,
    ) -> Result<Vec<Output>, BackendError> {
        let mut saved = Vec::new();
        let mut reconnects = 0;
        loop {
            let text = match socket.next().await {
                Some(Ok(Message::Text(text))) => text,
                Some(Ok(Message::Close(_)) | Err(_)) | None => {
                    reconnects += 1;
                    socket = self.reconnect(client_id, reconnects).await?;
                    match self.standing(prompt_id).await? {
                        Standing::Finished(outputs) => {
                            abandon.disarm();
                            return outputs;
                        }
                        Standing::Waiting => continue,
                        Standing::Gone => {
                            abandon.disarm();
                            return Err(BackendError::Unavailable("ComfyUI no longer has the run (restarted?)".into()));
                        }
                    }
                }
                Some(Ok(Message::Binary(frame))) => {
                    if let Some(image) = preview_image(&frame) {
                        self.set_preview(Some(image.to_vec()));
                    }
                    continue;
                }
                Some(Ok(_)) => continue, // pings
            };
            let Ok(event) = serde_json::from_str::<Value>(&text) else { continue };
            match read_event(&event, prompt_id) {
                Event::Progress(progress) => self.set_progress(progress),
                Event::Saved(outputs) => saved.extend(outputs),
                Event::Ended => {
                    abandon.disarm();
                    if !saved.is_empty() {
                        return Ok(saved);
                    }
                    return self.finished_outputs(prompt_id).await;
                }
                Event::Failed(e) => {
                    abandon.disarm();
                    return Err(e);
                }
                Event::Other => {}
            }
        }
    }

    /// The socket again after it dropped (the `n`-th time), waiting a little longer each try.
    async fn reconnect(&self, client_id: &str, n: u32) -> Result<Socket, BackendError> {
        if n > RECONNECTS {
            return Err(BackendError::Unavailable("ComfyUI's websocket keeps dropping".into()));
        }
        let mut wait = Duration::from_millis(100);
        loop {
            tokio::time::sleep(wait).await;
            match self.connect(client_id).await {
                Ok(socket) => {
                    info!(client = client_id, "ComfyUI's websocket dropped; reconnected to follow the same run");
                    return Ok(socket);
                }
                // Bounded by the run's own timeout: a server that stays away ends the job as timed out.
                Err(e) => warn!(error = %e, "ComfyUI's websocket dropped and does not answer yet; trying again"),
            }
            wait = (wait * 2).min(Duration::from_secs(5));
        }
    }

    /// Whether a prompt finished (its history), still waits or runs (the queue), or is gone.
    async fn standing(&self, prompt_id: &str) -> Result<Standing, BackendError> {
        if let Some(entry) = self.history_entry(prompt_id).await? {
            return Ok(Standing::Finished(outputs_of_history(&entry)));
        }
        let response = self.client.get(self.url("queue")).send().await.map_err(transport_error)?;
        let queue: Value = read_json(response, MAX_SMALL_ANSWER * 16).await?;
        if lists(&queue["queue_running"], prompt_id) || lists(&queue["queue_pending"], prompt_id) {
            return Ok(Standing::Waiting);
        }
        // It may have finished between the two reads.
        Ok(match self.history_entry(prompt_id).await? {
            Some(entry) => Standing::Finished(outputs_of_history(&entry)),
            None => Standing::Gone,
        })
    }

    /// A finished prompt's images from `/history`, read again briefly while it is not listed yet.
    async fn finished_outputs(&self, prompt_id: &str) -> Result<Vec<Output>, BackendError> {
        for _ in 0..HISTORY_TRIES {
            if let Some(entry) = self.history_entry(prompt_id).await? {
                return outputs_of_history(&entry);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err(BackendError::Malformed("ComfyUI ended the run but never listed it in its history".into()))
    }

    /// `GET /history/{id}`: the prompt's entry, or `None` while it is not there.
    async fn history_entry(&self, prompt_id: &str) -> Result<Option<Value>, BackendError> {
        let response =
            self.client.get(self.url(&format!("history/{prompt_id}"))).send().await.map_err(transport_error)?;
        if !response.status().is_success() {
            return Err(BackendError::Unavailable(format!("history: status {}", response.status())));
        }
        let mut history: Value = read_json(response, MAX_SMALL_ANSWER * 16).await?;
        Ok(history.get_mut(prompt_id).map(Value::take).filter(|entry| entry.is_object()))
    }
}

/// Whether one of `GET /queue`'s lists (`queue_running`, `queue_pending`: `[number, prompt_id, graph,
/// extra, outputs]` each) holds `prompt_id`.
fn lists(list: &Value, prompt_id: &str) -> bool {
    list.as_array().into_iter().flatten().any(|item| item.get(1).and_then(Value::as_str) == Some(prompt_id))
}

/// The images of a history entry, or why its run failed.
fn outputs_of_history(entry: &Value) -> Result<Vec<Output>, BackendError> {
    let messages = entry["status"]["messages"].as_array().cloned().unwrap_or_default();
    for message in &messages {
        match message.get(0).and_then(Value::as_str) {
            Some("execution_error") => return Err(errors::run_failed(&message[1])),
            Some("execution_interrupted") => return Err(errors::interrupted(&message[1])),
            _ => {}
        }
    }
    let outputs = entry["outputs"].as_object().into_iter().flat_map(|nodes| nodes.values());
    Ok(outputs.flat_map(images_of).collect())
}

/// Stops a prompt on the server when its run is dropped before it ended (a member's cancel, the run's
/// timeout): it is taken off the queue, and interrupted if it is the one running. Disarmed once the run
/// ended on the server.
pub(super) struct Abandon {
    client: Client,
    base: String,
    prompt_id: Option<String>,
}

impl Abandon {
    /// A guard over `prompt_id`, queued on the server at `base`.
    pub(super) fn new(client: Client, base: String, prompt_id: String) -> Self {
        Self { client, base, prompt_id: Some(prompt_id) }
    }

    /// The run ended on the server: nothing to stop.
    pub(super) fn disarm(&mut self) {
        self.prompt_id = None;
    }
}

impl Drop for Abandon {
    fn drop(&mut self) {
        let Some(prompt_id) = self.prompt_id.take() else { return };
        let Ok(runtime) = tokio::runtime::Handle::try_current() else { return };
        let (client, base) = (self.client.clone(), self.base.clone());
        runtime.spawn(async move {
            let url = |path: &str| format!("{}/{path}", base.trim_end_matches('/'));
            // Taken off the queue when still waiting (a running prompt is not affected by this).
            let _ = client.post(url("queue")).json(&json!({"delete": [prompt_id]})).send().await;
            // Interrupted when it is the one running: ComfyUI ignores an interrupt naming another prompt.
            let running = match client.get(url("queue")).send().await {
                Ok(response) => {
                    response.json::<Value>().await.ok().is_some_and(|queue| lists(&queue["queue_running"], &prompt_id))
                }
                Err(_) => false,
            };
            if running {
                let _ = client.post(url("interrupt")).json(&json!({"prompt_id": prompt_id})).send().await;
            }
            info!(prompt = %prompt_id, running, "stopped an abandoned ComfyUI run on the server");
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_run_ends_on_executing_null_not_on_execution_success() {
        let ours = |kind: &str, data: Value| read_event(&json!({"type": kind, "data": data}), "p1");
        assert!(matches!(ours("execution_success", json!({"prompt_id": "p1"})), Event::Other));
        assert!(matches!(ours("executing", json!({"node": null, "prompt_id": "p1"})), Event::Ended));
        assert!(matches!(ours("executing", json!({"node": null, "prompt_id": "p2"})), Event::Other));
        assert!(matches!(ours("executing", json!({"node": "9", "prompt_id": "p1"})), Event::Other));
        let saved = ours(
            "executed",
            json!({"node": "9", "prompt_id": "p1", "output": {"images": [{"filename": "a.png", "subfolder": "", "type": "output"}]}}),
        );
        assert!(matches!(saved, Event::Saved(images) if images.len() == 1 && images[0].filename == "a.png"));
    }

    #[test]
    fn preview_frames_of_both_kinds_give_their_image() {
        let png = b"\x89PNG...";
        let mut plain = vec![0, 0, 0, 1, 0, 0, 0, 2];
        plain.extend_from_slice(png);
        assert_eq!(preview_image(&plain), Some(&png[..]));
        let metadata = br#"{"node_id": "1", "image_type": "image/png"}"#;
        let mut with_metadata = vec![0, 0, 0, 4];
        with_metadata.extend_from_slice(&(metadata.len() as u32).to_be_bytes());
        with_metadata.extend_from_slice(metadata);
        with_metadata.extend_from_slice(png);
        assert_eq!(preview_image(&with_metadata), Some(&png[..]));
        assert_eq!(preview_image(&[0, 0, 0, 4, 255, 255, 255, 255, 1]), None, "a length past the frame");
        assert_eq!(preview_image(&[0, 0, 0, 9, 0, 0, 0, 2, 1]), None, "another event");
    }

    #[test]
    fn a_history_entry_gives_its_images_or_why_the_run_failed() {
        let done = json!({"outputs": {"9": {"images": [{"filename": "a.png", "type": "output"}]}},
            "status": {"status_str": "success", "messages": [["execution_start", {}], ["execution_success", {}]]}});
        assert_eq!(outputs_of_history(&done).unwrap().len(), 1);
        let stopped = json!({"outputs": {}, "status": {"status_str": "error",
            "messages": [["execution_start", {}], ["execution_interrupted", {"node_id": "3", "node_type": "EaselSlow"}]]}});
        assert!(matches!(outputs_of_history(&stopped), Err(BackendError::Interrupted(_))));
    }
}
