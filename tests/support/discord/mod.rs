//! A local Discord that the bot's real serenity client accepts: REST under `/api/v10` and a v10 gateway.
//!
//! Built from Discord's documented protocol and what serenity 0.12.5 insists on (see
//! `shared/discord-stand-in.md`). It records every REST request in order with its arrival time and its
//! decoded multipart files, serves uploads for `/variation`, and can answer a route with 429 or 500.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{to_bytes, Bytes};
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::sync::{mpsc, Notify};
use tokio_tungstenite::tungstenite::Message as Frame;

mod answers;
mod commands;
mod interactions;
mod places;
mod rest;

use answers::{bot_absent_from, guild_of, message_object, registration_scope};
use commands::{invalid_command_form, registered_commands};
use places::Exchange;
pub use places::Place;
use rest::handle;

/// The application (and bot user) id of the stand-in.
pub const APP_ID: u64 = 900_000_000_000_000_001;
/// The guild every interaction comes from.
pub const GUILD_ID: u64 = 900_000_000_000_000_002;
/// The channel every interaction comes from.
pub const CHANNEL_ID: u64 = 900_000_000_000_000_003;
/// What the bot may do in the guild by default: Send Messages, Embed Links, Attach Files, and more.
const BOT_PERMISSIONS: u64 = 0x800 | 0x4000 | 0x8000 | 0x400 | 0x4_0000;
/// A bot token the stand-in refuses (401), as Discord refuses a wrong or reset token.
pub const REJECTED_TOKEN: &str = "rejected-token";
/// The message that makes a gateway session close its connection.
const CLOSE: &str = "__close__";
/// The direct-message channel the stand-in opens with any member.
pub const DM_CHANNEL_ID: u64 = 900_000_000_000_000_006;
/// A guild whose events arrive on shard 0 of 2 (`GUILD_ID` is on shard 1).
pub const GUILD_ON_SHARD_0: u64 = 900_000_000_004_194_306;
/// The member who types the commands.
pub const MEMBER_ID: u64 = 900_000_000_000_000_004;
/// The default upload limit Discord sends with interactions.
pub const DEFAULT_UPLOAD_LIMIT: u64 = 10 * 1024 * 1024;
/// A server that never invited the bot: the member installed the app to their account and uses it there.
pub const FOREIGN_GUILD_ID: u64 = 900_000_000_000_000_020;
/// The channel of [`FOREIGN_GUILD_ID`] the member uses the app in (the bot cannot post there).
pub const FOREIGN_CHANNEL_ID: u64 = 900_000_000_000_000_021;
/// A group DM the member uses the app in (the bot is not one of its recipients, so cannot post there).
pub const GROUP_DM_CHANNEL_ID: u64 = 900_000_000_000_000_022;
/// Use External Apps: without it, in a server that did not install the app, Discord shows the app's
/// answers to the member alone whatever the bot asked.
pub const USE_EXTERNAL_APPS: u64 = 1 << 50;
/// What Discord lets an app do through an interaction where only the member installed it (no bot in the
/// channel): Embed Links, Attach Files, Mention Everyone, Use External Emojis.
const USER_APP_PERMISSIONS: u64 = (1 << 14) | (1 << 15) | (1 << 17) | (1 << 18);
/// How many follow-ups Discord accepts on an interaction of an app only the member installed.
const MAX_USER_APP_FOLLOWUPS: usize = 5;
/// The member (not the bot) who posted the messages of [`FakeDiscord::posted_by_member`].
const POSTER_ID: u64 = 900_000_000_000_000_030;

/// A REST request the stand-in received.
#[derive(Debug, Clone)]
pub struct Received {
    /// When it arrived.
    pub at: Instant,
    /// HTTP method.
    pub method: Method,
    /// Path, e.g. `/api/v10/webhooks/…/messages/@original`.
    pub path: String,
    /// The JSON body, or the `payload_json` part of a multipart body.
    pub payload: Value,
    /// Multipart files: (field name, file name, bytes).
    pub files: Vec<(String, String, Vec<u8>)>,
}

/// One injected failure: answer `remaining` matching requests with `status`.
struct Fault {
    method: Method,
    path_contains: String,
    status: u16,
    code: u64,
    remaining: usize,
}

#[derive(Default)]
struct Inner {
    requests: Vec<Received>,
    faults: Vec<Fault>,
    served_files: HashMap<String, Vec<u8>>,
    cut_files: HashMap<String, Vec<u8>>,
    /// Identified gateway sessions: (session number, shard id, shard count, sender).
    sessions: Vec<(u64, u32, u32, mpsc::UnboundedSender<String>)>,
    /// Every IDENTIFY's `d`, in order.
    identifies: Vec<Value>,
    /// The shard count `GET /gateway/bot` recommends (1 unless a test sets it).
    recommended_shards: Option<u32>,
    /// While true, gateway connections are closed as soon as they are made (Discord unreachable).
    refusing: bool,
    /// The bot's permissions in the guild, when a test sets them.
    bot_permissions: Option<u64>,
    /// Roles a test added to the guild beyond `@everyone`, the manager and the moderator role.
    extra_roles: Vec<(u64, u64)>,
    /// How many times the guild itself was asked for (`GET /guilds/{id}`).
    guild_reads: usize,
    /// How long `GET /guilds/{id}` takes to answer (a Discord slow to say who holds which role).
    guild_read_delay: Duration,
    identify: Option<Value>,
    /// Every message the bot made, by id, until deleted.
    messages: HashMap<String, Value>,
    /// Messages posted with `enforce_nonce`, by channel and nonce: posting the same again returns them.
    nonces: HashMap<(u64, String), Value>,
    /// Posts whose answer is lost after Discord made the message (a 500 on a post that happened), by
    /// path fragment and how many more.
    lost_answers: Vec<(String, usize)>,
    /// While true, a message carrying a result's images is recorded and never answered (a process
    /// that dies while Discord takes its upload).
    hanging_results: bool,
    /// Each user's Discord client language, when a test set one (`en-US` otherwise).
    user_locales: HashMap<u64, String>,
    /// The server's language (its Community "primary language"; `en-US` unless a test sets it).
    guild_locale: Option<String>,
    /// Why each refused command registration was refused.
    refused_registrations: Vec<String>,
    /// What Discord remembers of each interaction sent, by token (see [`Exchange`]).
    exchanges: HashMap<String, Exchange>,
    /// The latest accepted command list per scope, as Discord keeps it: `None` global, `Some(guild)`.
    registrations: HashMap<Option<u64>, Vec<Value>>,
}

/// Handle on a running stand-in.
#[derive(Clone)]
pub struct FakeDiscord {
    inner: Arc<Mutex<Inner>>,
    changed: Arc<Notify>,
    sequence: Arc<AtomicU64>,
    ids: Arc<AtomicU64>,
    /// `http://127.0.0.1:PORT`, the value of `DISCORD_API_BASE`.
    pub origin: String,
}

/// Who types a command: a member with roles and Discord-computed permissions.
#[derive(Debug, Clone)]
pub struct Member {
    /// User id.
    pub id: u64,
    /// Role ids.
    pub roles: Vec<u64>,
    /// The permission bit set Discord computes for the member in the channel.
    pub permissions: u64,
}

/// Send Messages, Attach Files, Use Application Commands...: an ordinary member, no Manage Server.
pub const ORDINARY: u64 = 0x0000_0800 | 0x0000_8000 | 0x0000_0400 | 0x8000_0000;
/// Manage Server (0x20) on top of the ordinary bits.
pub const MANAGER: u64 = ORDINARY | 0x20;
/// Manage Messages (0x2000) on top of the ordinary bits.
pub const MODERATOR: u64 = ORDINARY | 0x2000;
/// The server's owner (every permission, whatever their roles).
pub const OWNER_ID: u64 = 900_000_000_000_000_009;
/// A role of the guild granting Manage Server.
pub const MANAGER_ROLE: u64 = 900_000_000_000_000_010;
/// A role of the guild granting Manage Messages.
pub const MODERATOR_ROLE: u64 = 900_000_000_000_000_011;

impl Member {
    /// The default member of the tests.
    pub fn ordinary() -> Self {
        Self { id: MEMBER_ID, roles: Vec::new(), permissions: ORDINARY }
    }

    /// A member whose role grants Manage Server (so Discord computes Manage Server in every channel).
    pub fn manager(id: u64) -> Self {
        Self { id, roles: vec![MANAGER_ROLE], permissions: MANAGER }
    }

    /// A member whose role grants Manage Messages server-wide.
    pub fn moderator(id: u64) -> Self {
        Self { id, roles: vec![MODERATOR_ROLE], permissions: MODERATOR }
    }
}

/// A sent interaction, to find the bot's answers to it.
#[derive(Debug, Clone)]
pub struct Sent {
    /// The interaction id (also Easel's job id).
    pub id: String,
    /// The interaction token.
    pub token: String,
    /// When it was sent to the bot.
    pub at: Instant,
}

impl FakeDiscord {
    /// Starts REST and gateway on free ports.
    pub async fn start() -> Self {
        let rest = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let gateway = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let origin = format!("http://{}", rest.local_addr().unwrap());
        let rest_port = rest.local_addr().unwrap().port();
        let ws_url = format!("ws://{}", gateway.local_addr().unwrap());
        let fake = Self {
            inner: Arc::default(),
            changed: Arc::new(Notify::new()),
            sequence: Arc::new(AtomicU64::new(1)),
            // Snowflakes are unique across Discord: stand-ins on different ports never share an id.
            ids: Arc::new(AtomicU64::new(950_000_000_000_000_000 + u64::from(rest_port) * 1_000_000)),
            origin,
        };
        let app = Router::new().fallback(handle).with_state((fake.clone(), ws_url.clone()));
        tokio::spawn(async move { axum::serve(rest, app).await.unwrap() });
        let accepting = fake.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = gateway.accept().await {
                if accepting.inner.lock().unwrap().refusing {
                    drop(stream);
                    continue;
                }
                let session = accepting.clone();
                let ws_url = ws_url.clone();
                tokio::spawn(async move { session.gateway_session(stream, ws_url).await });
            }
        });
        fake
    }

    fn next_id(&self) -> u64 {
        self.ids.fetch_add(1, Ordering::SeqCst)
    }

    /// Every REST request so far, in arrival order.
    pub fn requests(&self) -> Vec<Received> {
        self.inner.lock().unwrap().requests.clone()
    }

    /// The IDENTIFY payload the bot sent.
    pub fn identify(&self) -> Option<Value> {
        self.inner.lock().unwrap().identify.clone()
    }

    /// Every IDENTIFY payload received, in order (one per shard per connection).
    pub fn identifies(&self) -> Vec<Value> {
        self.inner.lock().unwrap().identifies.clone()
    }

    /// The shards connected now, as `(shard id, shard count)`, sorted.
    pub fn connected_shards(&self) -> Vec<(u32, u32)> {
        let mut shards: Vec<(u32, u32)> = self.inner.lock().unwrap().sessions.iter().map(|s| (s.1, s.2)).collect();
        shards.sort_unstable();
        shards
    }

    /// Waits until exactly `shards` (id, count) are connected: serenity starts shards a few seconds
    /// apart, as Discord's identify limit asks.
    pub async fn wait_for_shards(&self, shards: &[(u32, u32)]) {
        for _ in 0..600 {
            if self.connected_shards() == shards {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("expected shards {shards:?} connected, got {:?}", self.connected_shards());
    }

    /// Adds a role granting `permissions` to the guild (as a server admin would in Server Settings).
    pub fn add_role(&self, role: u64, permissions: u64) {
        self.inner.lock().unwrap().extra_roles.push((role, permissions));
    }

    /// How many times the bot asked for the guild's roles and owner.
    pub fn guild_reads(&self) -> usize {
        self.inner.lock().unwrap().guild_reads
    }

    /// How many messages the bot has in `channel` now (made, not deleted).
    pub fn messages_in(&self, channel: u64) -> usize {
        let inner = self.inner.lock().unwrap();
        inner
            .messages
            .values()
            .filter(|m| m["channel_id"].as_str().and_then(|c| c.parse().ok()) == Some(channel))
            .count()
    }

    /// Makes the next `times` posts to paths containing `path_contains` happen, but answer 500, as when
    /// Discord made the message and the answer was lost on the way back.
    pub fn lose_answers(&self, path_contains: &str, times: usize) {
        self.inner.lock().unwrap().lost_answers.push((path_contains.to_owned(), times));
    }

    /// Records every message carrying a result's images (files other than the running preview) and
    /// never answers it: the bot's delivery waits there, as a process killed mid-upload would.
    pub fn hang_results(&self) {
        self.inner.lock().unwrap().hanging_results = true;
    }

    /// Makes `GET /guilds/{id}` answer only after `delay` (Discord slow on the server's roles).
    pub fn delay_guild_reads(&self, delay: Duration) {
        self.inner.lock().unwrap().guild_read_delay = delay;
    }

    /// Why each command registration Discord refused was refused (empty: all accepted).
    pub fn refused_registrations(&self) -> Vec<String> {
        self.inner.lock().unwrap().refused_registrations.clone()
    }

    /// Sets the language of user `user_id`'s Discord client: sent as `locale` on their interactions.
    pub fn set_user_locale(&self, user_id: u64, locale: &str) {
        self.inner.lock().unwrap().user_locales.insert(user_id, locale.to_owned());
    }

    /// Sets the server's language: sent as `guild_locale` on every interaction from it.
    pub fn set_guild_locale(&self, locale: &str) {
        self.inner.lock().unwrap().guild_locale = Some(locale.to_owned());
    }

    /// What Discord sends as `locale` (the user's client) for `user_id`.
    fn locale_of(&self, user_id: u64) -> String {
        self.inner.lock().unwrap().user_locales.get(&user_id).cloned().unwrap_or_else(|| "en-US".to_owned())
    }

    /// What Discord sends as `guild_locale`.
    fn guild_locale(&self) -> String {
        self.inner.lock().unwrap().guild_locale.clone().unwrap_or_else(|| "en-US".to_owned())
    }

    /// Makes `GET /gateway/bot` recommend `shards` shards.
    pub fn recommend_shards(&self, shards: u32) {
        self.inner.lock().unwrap().recommended_shards = Some(shards);
    }

    /// Serves `bytes` at `{origin}/attachments/{name}` the way a dropped connection does: the whole
    /// length is declared, half of it arrives, then the transfer breaks off.
    pub fn host_file_cut_short(&self, name: &str, bytes: Vec<u8>) -> String {
        self.inner.lock().unwrap().cut_files.insert(name.to_owned(), bytes);
        format!("{}/attachments/{name}", self.origin)
    }

    /// Serves `bytes` at `{origin}/attachments/{name}`, as Discord's CDN serves an upload.
    pub fn host_file(&self, name: &str, bytes: Vec<u8>) -> String {
        self.inner.lock().unwrap().served_files.insert(name.to_owned(), bytes);
        format!("{}/attachments/{name}", self.origin)
    }

    /// Stops serving an upload, as Discord's CDN answers 404 once a signed attachment link has expired.
    pub fn expire_file(&self, name: &str) {
        self.inner.lock().unwrap().served_files.remove(name);
    }

    /// Answers the next `times` requests of `method` whose path contains `path_contains` with `status`.
    pub fn fail(&self, method: Method, path_contains: &str, status: u16, times: usize) {
        self.fail_with_code(method, path_contains, status, 0, times);
    }

    /// As [`Self::fail`], with Discord's JSON error `code` (e.g. 50027 Invalid Webhook Token).
    pub fn fail_with_code(&self, method: Method, path_contains: &str, status: u16, code: u64, times: usize) {
        self.inner.lock().unwrap().faults.push(Fault {
            method,
            path_contains: path_contains.to_owned(),
            status,
            code,
            remaining: times,
        });
    }

    /// Waits until `ready` holds for the recorded requests, up to 20 seconds.
    pub async fn wait_for(&self, what: &str, ready: impl Fn(&[Received]) -> bool) -> Vec<Received> {
        self.wait_for_within(what, Duration::from_secs(20), ready).await
    }

    /// As [`Self::wait_for`], up to `limit`.
    pub async fn wait_for_within(
        &self,
        what: &str,
        limit: Duration,
        ready: impl Fn(&[Received]) -> bool,
    ) -> Vec<Received> {
        let deadline = Instant::now() + limit;
        loop {
            let notified = self.changed.notified();
            let requests = self.requests();
            if ready(&requests) {
                return requests;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}; Discord got {:#?}", summary(&requests));
            let _ = tokio::time::timeout(Duration::from_millis(200), notified).await;
        }
    }

    /// Waits until the bot is connected and has registered its commands; returns the registration.
    pub async fn wait_until_ready(&self) -> Received {
        let requests = self
            .wait_for("command registration", |r| {
                self.connected() && r.iter().any(|r| r.method == Method::PUT && r.path.ends_with("/commands"))
            })
            .await;
        requests.into_iter().find(|r| r.method == Method::PUT).unwrap()
    }

    /// The community-request card of request `id` (the bot's message whose footer names it).
    pub fn card(&self, id: &str) -> Option<Value> {
        let footer = format!("Request {id}");
        self.stored_message_ids()
            .into_iter()
            .filter_map(|m| self.stored_message(&m.to_string()))
            .find(|m| m["embeds"][0]["footer"]["text"] == footer.as_str())
    }

    /// The ids of every message the bot made and has not deleted.
    pub fn stored_message_ids(&self) -> Vec<u64> {
        self.inner.lock().unwrap().messages.keys().filter_map(|k| k.parse().ok()).collect()
    }

    /// The message the bot made with id `id`, unless deleted.
    pub fn stored_message(&self, id: &str) -> Option<Value> {
        self.inner.lock().unwrap().messages.get(id).cloned()
    }

    /// The newest message the bot made that has attachments (a delivered result).
    pub fn last_result(&self) -> Value {
        let inner = self.inner.lock().unwrap();
        let mut results: Vec<&Value> =
            inner.messages.values().filter(|m| !m["attachments"].as_array().unwrap().is_empty()).collect();
        results.sort_by_key(|m| m["id"].as_str().unwrap().parse::<u64>().unwrap());
        (*results.last().expect("a delivered result")).clone()
    }

    /// Drops the bot's gateway connection and refuses new ones until [`Self::reopen_gateway`], as when
    /// Discord is unreachable.
    pub fn drop_gateway(&self) {
        let mut inner = self.inner.lock().unwrap();
        inner.refusing = true;
        for (_, _, _, session) in inner.sessions.drain(..) {
            let _ = session.send(CLOSE.to_owned());
        }
    }

    /// Lets the bot connect again.
    pub fn reopen_gateway(&self) {
        self.inner.lock().unwrap().refusing = false;
    }

    /// Sets the permissions the bot has in the guild (`GET /users/@me/guilds`).
    pub fn set_bot_permissions(&self, permissions: u64) {
        self.inner.lock().unwrap().bot_permissions = Some(permissions);
    }

    /// Whether a bot is connected and identified on the gateway.
    pub fn connected(&self) -> bool {
        !self.inner.lock().unwrap().sessions.is_empty()
    }

    /// Sends a dispatch event on the open gateway session.
    pub fn dispatch(&self, event: &str, data: Value) {
        let s = self.sequence.fetch_add(1, Ordering::SeqCst) + 1;
        let frame = json!({"op": 0, "t": event, "s": s, "d": data}).to_string();
        let inner = self.inner.lock().unwrap();
        // As Discord routes events: a guild's to shard (guild_id >> 22) % shards, direct messages to shard 0.
        let guild = data["guild_id"].as_str().and_then(|g| g.parse::<u64>().ok());
        let total = inner.sessions.first().map_or(1, |s| s.2).max(1);
        let shard = guild.map_or(0, |g| ((g >> 22) % u64::from(total)) as u32);
        let session = inner.sessions.iter().find(|s| s.1 == shard).expect("the guild's shard is connected");
        session.3.send(frame).unwrap();
    }

    async fn gateway_session(self, stream: tokio::net::TcpStream, ws_url: String) {
        let session = self.next_id();
        self.serve_session(session, stream, ws_url).await;
        // The connection ended: its shard is no longer connected (unless it reconnected meanwhile).
        self.inner.lock().unwrap().sessions.retain(|s| s.0 != session);
    }

    async fn serve_session(&self, session: u64, stream: tokio::net::TcpStream, ws_url: String) {
        let Ok(mut ws) = tokio_tungstenite::accept_async(stream).await else { return };
        let hello = json!({"op": 10, "d": {"heartbeat_interval": 41250}}).to_string();
        if ws.send(Frame::text(hello)).await.is_err() {
            return;
        }
        let (out_tx, mut out_rx) = mpsc::unbounded_channel::<String>();
        loop {
            tokio::select! {
                frame = ws.next() => {
                    let Some(Ok(frame)) = frame else { break };
                    let Ok(text) = frame.to_text() else { continue };
                    let Ok(payload) = serde_json::from_str::<Value>(text) else { continue };
                    match payload["op"].as_u64() {
                        Some(1) => { let _ = ws.send(Frame::text(json!({"op": 11}).to_string())).await; }
                        Some(2) => {
                            let shard = &payload["d"]["shard"];
                            let (id, total) = (shard[0].as_u64().unwrap_or(0) as u32, shard[1].as_u64().unwrap_or(1) as u32);
                            {
                                let mut inner = self.inner.lock().unwrap();
                                inner.identify = Some(payload["d"].clone());
                                inner.identifies.push(payload["d"].clone());
                            }
                            let ready = ready_event(&ws_url, id, total);
                            if ws.send(Frame::text(ready)).await.is_err() { break; }
                            let mut inner = self.inner.lock().unwrap();
                            inner.sessions.retain(|s| s.1 != id);
                            inner.sessions.push((session, id, total, out_tx.clone()));
                        }
                        _ => {}
                    }
                }
                Some(out) = out_rx.recv() => {
                    if out == CLOSE {
                        // As Discord does when it goes away: a close frame, then the connection ends.
                        let frame = tokio_tungstenite::tungstenite::protocol::CloseFrame {
                            code: tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode::Away,
                            reason: "going away".into(),
                        };
                        let _ = ws.close(Some(frame)).await;
                        break;
                    }
                    if ws.send(Frame::text(out)).await.is_err() { break; }
                }
            }
        }
    }

    fn record(&self, request: Received) {
        self.inner.lock().unwrap().requests.push(request);
        self.changed.notify_waiters();
    }

    fn take_fault(&self, method: &Method, path: &str) -> Option<(u16, u64)> {
        let mut inner = self.inner.lock().unwrap();
        let fault = inner
            .faults
            .iter_mut()
            .find(|f| f.remaining > 0 && f.method == *method && path.contains(&f.path_contains))?;
        fault.remaining -= 1;
        Some((fault.status, fault.code))
    }
}

/// A short view of requests for assertion messages.
pub fn summary(requests: &[Received]) -> Vec<String> {
    requests.iter().map(|r| format!("{} {} files={}", r.method, r.path, r.files.len())).collect()
}

fn user(id: u64, name: &str) -> Value {
    json!({"id": id.to_string(), "username": name, "discriminator": "0", "global_name": name,
           "avatar": null, "bot": id == APP_ID})
}

fn ready_event(ws_url: &str, shard: u32, shards: u32) -> String {
    json!({"op": 0, "t": "READY", "s": 1, "d": {
        "v": 10, "user": user(APP_ID, "Easel"),
        "guilds": [{"id": GUILD_ID.to_string(), "unavailable": true}],
        "session_id": format!("fake-session-{shard}"), "resume_gateway_url": ws_url,
        "shard": [shard, shards],
        "application": {"id": APP_ID.to_string(), "flags": 0}
    }})
    .to_string()
}
