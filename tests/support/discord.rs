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

/// Where an interaction comes from, which decides who installed the app there and so what Discord sends
/// and allows: user-installed apps (2024) are used in servers and DMs the bot never joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// `CHANNEL_ID` of `GUILD_ID`, which installed the app: `member` present, context 0, authorizing
    /// `{"0": GUILD_ID}`; what every interaction of the stand-in was before user installs.
    Server,
    /// The member's DM with the bot (`DM_CHANNEL_ID`): no guild, no member, only `user`; context 1,
    /// authorizing `{"1": member}` (the member installed the app).
    BotDm,
    /// A group DM (`GROUP_DM_CHANNEL_ID`) the bot is not in: no guild, only `user`; context 2, authorizing
    /// `{"1": member}`.
    GroupDm,
    /// `FOREIGN_CHANNEL_ID` of `FOREIGN_GUILD_ID`, a server that never invited the bot: `member` present,
    /// context 0, authorizing `{"1": member}` only. Without [`USE_EXTERNAL_APPS`] every answer is ephemeral.
    ForeignServer,
}

impl Place {
    /// The server of the place, if it is in one.
    fn guild(self) -> Option<u64> {
        match self {
            Self::Server => Some(GUILD_ID),
            Self::ForeignServer => Some(FOREIGN_GUILD_ID),
            Self::BotDm | Self::GroupDm => None,
        }
    }

    /// The channel interactions from the place come from.
    fn channel(self) -> u64 {
        match self {
            Self::Server => CHANNEL_ID,
            Self::BotDm => DM_CHANNEL_ID,
            Self::GroupDm => GROUP_DM_CHANNEL_ID,
            Self::ForeignServer => FOREIGN_CHANNEL_ID,
        }
    }

    /// The interaction's `channel`: a text channel (type 0), a DM (1) or a group DM (3).
    fn channel_object(self) -> Value {
        let id = self.channel().to_string();
        match self {
            Self::Server => json!({"id": id, "type": 0, "name": "art", "nsfw": false}),
            Self::ForeignServer => json!({"id": id, "type": 0, "name": "general", "nsfw": false}),
            Self::BotDm => json!({"id": id, "type": 1}),
            Self::GroupDm => json!({"id": id, "type": 3}),
        }
    }

    /// The interaction's `context`: 0 a server, 1 the bot's DM, 2 another private channel.
    fn context(self) -> u8 {
        match self {
            Self::Server | Self::ForeignServer => 0,
            Self::BotDm => 1,
            Self::GroupDm => 2,
        }
    }

    /// `authorizing_integration_owners`: the server that installed the app, or the member `user` who did.
    fn owners(self, user: u64) -> Value {
        match self {
            Self::Server => json!({"0": GUILD_ID.to_string()}),
            Self::BotDm | Self::GroupDm | Self::ForeignServer => json!({"1": user.to_string()}),
        }
    }

    /// `app_permissions`: the bot's in the server that installed it; in a DM as `invoke_in_dm` always sent;
    /// elsewhere only what an app may do through an interaction.
    fn app_permissions(self) -> String {
        match self {
            Self::Server => "2248473465835073".to_owned(),
            Self::BotDm => "0".to_owned(),
            Self::GroupDm | Self::ForeignServer => USER_APP_PERMISSIONS.to_string(),
        }
    }
}

/// What Discord remembers of an interaction it sent, by token: where its answers go and the limits on them.
#[derive(Debug, Clone, Copy)]
struct Exchange {
    /// The interaction's channel, where its answer and follow-ups appear.
    channel: u64,
    /// The interaction's server, if any (its messages carry `guild_id` only then).
    guild: Option<u64>,
    /// Only the member installed the app (authorizing `"1"` without `"0"`): at most 5 follow-ups.
    user_installed_only: bool,
    /// A server that did not install the app and forbids the member external apps: every answer ephemeral.
    forced_ephemeral: bool,
    /// Whether the answer is shown to the member alone, once the bot answered (callback 4 or 5).
    ephemeral: Option<bool>,
    /// Follow-ups Discord accepted.
    followups: usize,
}

impl Exchange {
    /// What Discord remembers of `interaction` as it sends it, read from its own fields.
    fn of(interaction: &Value) -> Self {
        let number = |v: &Value| v.as_str().and_then(|s| s.parse::<u64>().ok());
        let owners = &interaction["authorizing_integration_owners"];
        let user_installed_only = owners.get("1").is_some() && owners.get("0").is_none();
        let guild = number(&interaction["guild_id"]);
        let permissions = number(&interaction["member"]["permissions"]).unwrap_or(0);
        Self {
            channel: number(&interaction["channel_id"]).unwrap_or(CHANNEL_ID),
            guild,
            user_installed_only,
            forced_ephemeral: user_installed_only && guild.is_some() && (permissions & USE_EXTERNAL_APPS) == 0,
            ephemeral: None,
            followups: 0,
        }
    }

    /// An interaction the stand-in did not send (a test dispatched it): server-installed, in `CHANNEL_ID`.
    fn unknown() -> Self {
        Self {
            channel: CHANNEL_ID,
            guild: Some(GUILD_ID),
            user_installed_only: false,
            forced_ephemeral: false,
            ephemeral: None,
            followups: 0,
        }
    }
}

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

    /// Sends slash command `name` typed by `member` in guild `guild_id` (routed to that guild's shard).
    pub fn invoke_in_guild(&self, guild_id: u64, name: &str, options: Value) -> Sent {
        let mut fields = self.origin(Place::Server, &Member::ordinary(), "ann", Some("Ann"));
        fields["guild_id"] = json!(guild_id.to_string());
        fields["authorizing_integration_owners"] = json!({"0": guild_id.to_string()});
        fields["data"] = slash_data(name, options, json!({}));
        self.send(2, fields)
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

    /// Sends an INTERACTION_CREATE for slash command `name` with `options` as Discord would.
    pub fn invoke(&self, name: &str, options: Value, resolved: Value) -> Sent {
        self.invoke_with_limit(name, options, resolved, DEFAULT_UPLOAD_LIMIT)
    }

    /// As [`Self::invoke`], with a chosen `attachment_size_limit`.
    pub fn invoke_with_limit(&self, name: &str, options: Value, resolved: Value, upload_limit: u64) -> Sent {
        self.invoke_full(&Member::ordinary(), name, options, resolved, upload_limit)
    }

    /// As [`Self::invoke`], typed by `member`.
    pub fn invoke_as(&self, member: &Member, name: &str, options: Value, resolved: Value) -> Sent {
        self.invoke_full(member, name, options, resolved, DEFAULT_UPLOAD_LIMIT)
    }

    fn invoke_full(&self, member: &Member, name: &str, options: Value, resolved: Value, upload_limit: u64) -> Sent {
        self.command(Place::Server, member, slash_data(name, options, resolved), upload_limit)
    }

    /// Sends slash command `name` typed by `member` in `place` (a server, the bot's DM, a group DM, a
    /// server that never invited the bot), with the fields Discord sends from there.
    pub fn invoke_in(&self, place: Place, member: &Member, name: &str, options: Value, resolved: Value) -> Sent {
        self.command(place, member, slash_data(name, options, resolved), DEFAULT_UPLOAD_LIMIT)
    }

    /// Runs message command `name` ("right-click a message → Apps") on `target`, a full message object
    /// (from [`Self::posted_by_member`] or one the bot made), as `member` in `place`: Discord sends the
    /// message whole in `data.resolved.messages`.
    pub fn invoke_message_command(&self, place: Place, member: &Member, name: &str, target: &Value) -> Sent {
        let target_id = target["id"].as_str().unwrap_or_default().to_owned();
        let mut messages = serde_json::Map::new();
        messages.insert(target_id.clone(), target.clone());
        let data = json!({"id": "910000000000000002", "name": name, "type": 3, "target_id": target_id,
            "resolved": {"messages": Value::Object(messages)}});
        self.command(place, member, data, DEFAULT_UPLOAD_LIMIT)
    }

    /// A message a member (not the bot) posted in `place`'s channel, with images as (filename, url): the
    /// target of a message command. Not stored among the bot's messages.
    pub fn posted_by_member(&self, place: Place, content: &str, images: &[(&str, &str)]) -> Value {
        let id = self.next_id();
        let attachments: Vec<Value> = images
            .iter()
            .map(|(filename, url)| {
                json!({"id": self.next_id().to_string(), "filename": filename, "size": 1000, "url": url,
                       "proxy_url": url, "content_type": "image/png", "width": 64, "height": 64})
            })
            .collect();
        let payload = json!({"content": content});
        message_object(id, place.channel(), place.guild(), user(POSTER_ID, "zoe"), &payload, attachments)
    }

    /// Sends an application command interaction with `data` by `member` from `place`.
    fn command(&self, place: Place, member: &Member, data: Value, upload_limit: u64) -> Sent {
        let mut fields = self.origin(place, member, "ann", Some("Ann"));
        fields["data"] = data;
        fields["attachment_size_limit"] = json!(upload_limit);
        self.send(2, fields)
    }

    /// The fields saying where an interaction happens and who installed the app there, as Discord sends
    /// them from `place` for `member` (user name `name`, server nickname `nick`): in a server `guild_id`,
    /// `guild_locale` and `member`; elsewhere only `user`.
    fn origin(&self, place: Place, member: &Member, name: &str, nick: Option<&str>) -> Value {
        let mut fields = json!({
            "channel_id": place.channel().to_string(), "channel": place.channel_object(),
            "context": place.context(), "authorizing_integration_owners": place.owners(member.id),
            "locale": self.locale_of(member.id), "app_permissions": place.app_permissions()
        });
        match place.guild() {
            Some(guild) => {
                fields["guild_id"] = json!(guild.to_string());
                fields["guild_locale"] = json!(self.guild_locale());
                fields["member"] = member_object(member, name, nick);
            }
            None => fields["user"] = user(member.id, name),
        }
        fields
    }

    /// Sends INTERACTION_CREATE of `kind` with `fields` on top of what every interaction carries, after
    /// remembering it (by token) for the answers the bot will make.
    fn send(&self, kind: u8, fields: Value) -> Sent {
        let id = self.next_id().to_string();
        let token = format!("token-{id}");
        let mut interaction = json!({
            "id": id, "application_id": APP_ID.to_string(), "type": kind, "token": token, "version": 1,
            "entitlements": [], "attachment_size_limit": DEFAULT_UPLOAD_LIMIT
        });
        merge(&mut interaction, fields);
        self.inner.lock().unwrap().exchanges.insert(token.clone(), Exchange::of(&interaction));
        self.dispatch("INTERACTION_CREATE", interaction);
        Sent { id, token, at: Instant::now() }
    }

    /// Sends the click on a button `custom_id` of an earlier message, by `member`.
    pub fn click(&self, member: &Member, custom_id: &str) -> Sent {
        let message =
            self.message(CHANNEL_ID, Some(GUILD_ID), &json!({"content": "an earlier page", "flags": 64}), &[]);
        self.click_on(member, &message, custom_id)
    }

    /// Clicks button `custom_id` under `message` (a message the bot made, as the stand-in returned it).
    pub fn click_on(&self, member: &Member, message: &Value, custom_id: &str) -> Sent {
        self.click_in(Place::Server, member, message, custom_id)
    }

    /// Submits a modal `custom_id` opened from `message`, with its text inputs' values.
    pub fn submit_modal(&self, member: &Member, message: &Value, custom_id: &str, values: &[(&str, &str)]) -> Sent {
        self.submit_modal_in(Place::Server, member, Some(message), custom_id, values)
    }

    /// As [`Self::click_on`], from `place`: the answers then follow that place's rules.
    pub fn click_in(&self, place: Place, member: &Member, message: &Value, custom_id: &str) -> Sent {
        let data = json!({"custom_id": custom_id, "component_type": 2});
        self.component_interaction(place, member, Some(message), data, 3)
    }

    /// As [`Self::submit_modal`], from `place`. A modal opened by a slash or message command has no
    /// message: `message` is then `None` and the interaction carries none.
    pub fn submit_modal_in(
        &self,
        place: Place,
        member: &Member,
        message: Option<&Value>,
        custom_id: &str,
        values: &[(&str, &str)],
    ) -> Sent {
        let rows: Vec<Value> = values
            .iter()
            .map(|(id, value)| json!({"type": 1, "components": [{"type": 4, "custom_id": id, "value": value}]}))
            .collect();
        self.component_interaction(place, member, message, json!({"custom_id": custom_id, "components": rows}), 5)
    }

    /// Sends a component (3) or modal (5) interaction with `data` by `member` from `place`, on `message`.
    fn component_interaction(
        &self,
        place: Place,
        member: &Member,
        message: Option<&Value>,
        data: Value,
        kind: u8,
    ) -> Sent {
        let mut fields = self.origin(place, member, "someone", None);
        fields["data"] = data;
        if let Some(message) = message {
            fields["message"] = message.clone();
        }
        self.send(kind, fields)
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

    /// Sends an INTERACTION_CREATE for slash command `name` from a direct message (no guild, no member):
    /// the member's DM with the bot, which they installed to their account.
    pub fn invoke_in_dm(&self, name: &str, options: Value) -> Sent {
        self.invoke_in(Place::BotDm, &Member::ordinary(), name, options, json!({}))
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

    /// Makes (and keeps) a message of the bot in `channel_id`, of server `guild_id` (`None` in a DM), from
    /// `payload` with `files` attached and served.
    fn message(
        &self,
        channel_id: u64,
        guild_id: Option<u64>,
        payload: &Value,
        files: &[(String, String, Vec<u8>)],
    ) -> Value {
        let id = self.next_id();
        let attachments: Vec<Value> = files
            .iter()
            .map(|(_, filename, bytes)| {
                let name = format!("{id}-{filename}");
                self.inner.lock().unwrap().served_files.insert(name.clone(), bytes.clone());
                let url = format!("{}/attachments/{name}", self.origin);
                json!({"id": self.next_id().to_string(), "filename": filename, "size": bytes.len(),
                       "url": url, "proxy_url": url, "content_type": "image/png"})
            })
            .collect();
        let message = message_object(id, channel_id, guild_id, user(APP_ID, "Easel"), payload, attachments);
        self.inner.lock().unwrap().messages.insert(id.to_string(), message.clone());
        message
    }

    /// What Discord remembers of the interaction with `token` (see [`Exchange`]).
    fn exchange(&self, token: &str) -> Exchange {
        self.inner.lock().unwrap().exchanges.get(token).copied().unwrap_or_else(Exchange::unknown)
    }

    /// Remembers whether the answer to the interaction with `token` is shown to the member alone, as
    /// Discord decides on a message or deferral (callback 4 or 5): what the bot asked (flag 64), or always
    /// where the server forbids the member external apps.
    fn answered(&self, token: &str, callback: &Value) {
        if !matches!(callback["type"].as_u64(), Some(4 | 5)) {
            return;
        }
        let asked = (callback["data"]["flags"].as_u64().unwrap_or(0) & 64) != 0;
        let mut inner = self.inner.lock().unwrap();
        let exchange = inner.exchanges.entry(token.to_owned()).or_insert_with(Exchange::unknown);
        exchange.ephemeral = Some(exchange.forced_ephemeral || asked);
    }

    /// The message an edit of an interaction's answer (`original`) or follow-up makes: in the interaction's
    /// channel, ephemeral when its answer is.
    fn edited_answer(
        &self,
        token: &str,
        original: bool,
        payload: &Value,
        files: &[(String, String, Vec<u8>)],
    ) -> Value {
        let exchange = self.exchange(token);
        let ephemeral = exchange.forced_ephemeral || (original && exchange.ephemeral == Some(true));
        self.message(exchange.channel, exchange.guild, &flagged(payload, ephemeral), files)
    }

    /// Counts a follow-up on the interaction with `token` if Discord accepts it (at most 5 where only the
    /// member installed the app); returns the interaction's exchange then, `None` when refused.
    fn take_followup(&self, token: &str) -> Option<Exchange> {
        let mut inner = self.inner.lock().unwrap();
        let exchange = inner.exchanges.entry(token.to_owned()).or_insert_with(Exchange::unknown);
        if exchange.user_installed_only && exchange.followups >= MAX_USER_APP_FOLLOWUPS {
            return None;
        }
        exchange.followups += 1;
        Some(*exchange)
    }

    /// A follow-up as Discord takes it: refused (400, code 40094) past 5 for an app only the member
    /// installed, ephemeral where the server forbids external apps, posted in the interaction's channel.
    fn followup(&self, token: &str, payload: &Value, files: &[(String, String, Vec<u8>)]) -> Response {
        let Some(exchange) = self.take_followup(token) else {
            let body =
                json!({"code": 40094, "message": "This interaction has hit the maximum number of follow up messages"});
            return (StatusCode::BAD_REQUEST, Json(body)).into_response();
        };
        let payload = flagged(payload, exchange.forced_ephemeral);
        Json(self.message(exchange.channel, exchange.guild, &payload, files)).into_response()
    }

    /// Whether Discord shows the answer to the interaction with `token` to the member alone (asked by the
    /// bot, or forced where the server forbids external apps); `None` before the bot answered.
    pub fn answer_ephemeral(&self, token: &str) -> Option<bool> {
        self.inner.lock().unwrap().exchanges.get(token).and_then(|e| e.ephemeral)
    }

    /// How many follow-ups Discord accepted on the interaction with `token`.
    pub fn followups_of(&self, token: &str) -> usize {
        self.inner.lock().unwrap().exchanges.get(token).map_or(0, |e| e.followups)
    }

    /// Counts the 5 follow-ups Discord allows a user-installed app's interaction as already posted (as
    /// after five earlier messages), so the next one is refused.
    pub fn use_up_followups(&self, token: &str) {
        let mut inner = self.inner.lock().unwrap();
        let exchange = inner.exchanges.entry(token.to_owned()).or_insert_with(Exchange::unknown);
        exchange.followups = exchange.followups.max(MAX_USER_APP_FOLLOWUPS);
    }

    /// Keeps `commands` as the latest registration of `guild` (`None`: global) unless Discord would refuse
    /// them; answers as Discord does.
    fn register(&self, guild: Option<u64>, commands: &Value) -> Response {
        if let Some(why) = invalid_command_form(commands) {
            // Discord refuses the whole registration: 400, code 50035 "Invalid Form Body".
            self.inner.lock().unwrap().refused_registrations.push(why.clone());
            let errors =
                json!({"code": 50035, "message": "Invalid Form Body", "errors": {"_errors": [{"message": why}]}});
            return (StatusCode::BAD_REQUEST, Json(errors)).into_response();
        }
        let registered = registered_commands(commands);
        self.inner.lock().unwrap().registrations.insert(guild, registered.clone());
        Json(registered).into_response()
    }

    /// The latest accepted command list of `guild` (`None`: the global commands), empty when none: what
    /// members see in their command picker.
    pub fn registered(&self, guild: Option<u64>) -> Vec<Value> {
        self.inner.lock().unwrap().registrations.get(&guild).cloned().unwrap_or_default()
    }
}

/// Sets every field of `fields` on `target` (both objects), replacing what was there.
fn merge(target: &mut Value, fields: Value) {
    if let (Some(target), Value::Object(fields)) = (target.as_object_mut(), fields) {
        target.extend(fields);
    }
}

/// A slash command's `data`: command `name` with `options` and their `resolved` objects.
fn slash_data(name: &str, options: Value, resolved: Value) -> Value {
    json!({"id": "910000000000000001", "name": name, "type": 1, "options": options, "resolved": resolved})
}

/// A guild member as interactions carry it (serenity requires `user`, `roles`, `deaf`, `mute`, `flags`);
/// `permissions` are Discord's computation for the channel.
fn member_object(member: &Member, name: &str, nick: Option<&str>) -> Value {
    json!({
        "user": user(member.id, name),
        "roles": member.roles.iter().map(u64::to_string).collect::<Vec<_>>(),
        "joined_at": "2025-01-01T00:00:00.000000+00:00",
        "deaf": false, "mute": false, "flags": 0, "pending": false, "nick": nick,
        "permissions": member.permissions.to_string(), "avatar": null, "premium_since": null
    })
}

/// A full message object as serenity 0.12.5 deserializes it, by `author` in `channel` (of `guild`, absent in
/// DMs), with `content`, `embeds`, `flags` and `components` from `payload`.
fn message_object(
    id: u64,
    channel: u64,
    guild: Option<u64>,
    author: Value,
    payload: &Value,
    attachments: Vec<Value>,
) -> Value {
    let mut message = json!({
        "id": id.to_string(), "channel_id": channel.to_string(),
        "author": author, "content": payload["content"].as_str().unwrap_or_default(),
        "timestamp": "2026-11-25T10:00:00.000000+00:00", "edited_timestamp": null, "tts": false,
        "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": attachments,
        "embeds": payload.get("embeds").cloned().unwrap_or(json!([])), "pinned": false, "type": 0,
        "flags": payload["flags"].as_u64().unwrap_or(0),
        "components": payload.get("components").cloned().unwrap_or(json!([]))
    });
    if let Some(guild) = guild {
        message["guild_id"] = json!(guild.to_string());
    }
    message
}

/// `payload` with flag 64 (ephemeral) added when `ephemeral`, as Discord marks a message the member
/// alone sees.
fn flagged(payload: &Value, ephemeral: bool) -> Value {
    let mut payload = payload.clone();
    if ephemeral {
        let flags = payload["flags"].as_u64().unwrap_or(0) | 64;
        payload["flags"] = json!(flags);
    }
    payload
}

/// The server of a channel the bot posts in: none for DMs, [`FOREIGN_GUILD_ID`] for its channel,
/// `GUILD_ID` for every other.
fn guild_of(channel: u64) -> Option<u64> {
    match channel {
        DM_CHANNEL_ID | GROUP_DM_CHANNEL_ID => None,
        FOREIGN_CHANNEL_ID => Some(FOREIGN_GUILD_ID),
        _ => Some(GUILD_ID),
    }
}

/// Whether the bot is absent from `channel` (a group DM, a server that never invited it), so Discord
/// refuses its posts there with 403 Missing Access.
fn bot_absent_from(channel: u64) -> bool {
    channel == FOREIGN_CHANNEL_ID || channel == GROUP_DM_CHANNEL_ID
}

/// The scope of a registration path: a guild's (`applications/{app}/guilds/{g}/commands`) or global.
fn registration_scope(segments: &[&str]) -> Option<u64> {
    match segments {
        ["applications", _, "guilds", guild, "commands"] => guild.parse().ok(),
        _ => None,
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

async fn read_body(fake: &FakeDiscord, request: Request) -> (Value, Vec<(String, String, Vec<u8>)>) {
    let is_multipart = request
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !is_multipart {
        let bytes = to_bytes(request.into_body(), usize::MAX).await.unwrap_or_default();
        return (serde_json::from_slice(&bytes).unwrap_or(Value::Null), Vec::new());
    }
    let mut form = Multipart::from_request(request, fake).await.unwrap();
    let mut payload = Value::Null;
    let mut files = Vec::new();
    while let Some(field) = form.next_field().await.unwrap() {
        let name = field.name().unwrap_or_default().to_owned();
        let filename = field.file_name().map(str::to_owned);
        let bytes = field.bytes().await.unwrap().to_vec();
        match filename {
            Some(filename) => files.push((name, filename, bytes)),
            None if name == "payload_json" => payload = serde_json::from_slice(&bytes).unwrap(),
            None => {}
        }
    }
    (payload, files)
}

async fn handle(State((fake, ws_url)): State<(FakeDiscord, String)>, request: Request) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let authorization = request.headers().get("authorization").and_then(|v| v.to_str().ok()).unwrap_or_default();
    if path.starts_with("/api/") && authorization.contains(REJECTED_TOKEN) {
        return (StatusCode::UNAUTHORIZED, Json(json!({"message": "401: Unauthorized", "code": 0}))).into_response();
    }
    if method == Method::GET && path.starts_with("/attachments/") {
        let name = path.trim_start_matches("/attachments/");
        if let Some(bytes) = fake.inner.lock().unwrap().cut_files.get(name).cloned() {
            return cut_short(bytes);
        }
        let file = fake.inner.lock().unwrap().served_files.get(name).cloned();
        return match file {
            Some(bytes) => ([("content-type", "image/png")], Bytes::from(bytes)).into_response(),
            None => StatusCode::NOT_FOUND.into_response(),
        };
    }
    let (payload, files) = read_body(&fake, request).await;
    fake.record(Received {
        at: Instant::now(),
        method: method.clone(),
        path: path.clone(),
        payload: payload.clone(),
        files: files.clone(),
    });
    if let Some((status, code)) = fake.take_fault(&method, &path) {
        let body = json!({"message": "injected failure", "code": code, "retry_after": 0.0, "global": false});
        return (StatusCode::from_u16(status).unwrap(), Json(body)).into_response();
    }
    let segments: Vec<&str> = path.trim_start_matches("/api/v10/").split('/').collect();
    match (method.as_str(), segments.as_slice()) {
        // The bot must connect where `GET /gateway/bot` says (as Discord documents for bots); the plain
        // `GET /gateway` that serenity also asks points at a closed port, so a regression cannot pass.
        ("GET", ["gateway"]) => Json(json!({"url": "ws://127.0.0.1:9"})).into_response(),
        ("GET", ["gateway", "bot"]) => Json(json!({"url": ws_url,
            "shards": fake.inner.lock().unwrap().recommended_shards.unwrap_or(1),
            "session_start_limit": {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}}))
        .into_response(),
        ("GET", ["guilds", id]) => {
            let delay = fake.inner.lock().unwrap().guild_read_delay;
            tokio::time::sleep(delay).await;
            let mut inner = fake.inner.lock().unwrap();
            inner.guild_reads += 1;
            Json(guild(id, &inner.extra_roles)).into_response()
        }
        ("PUT", [.., "commands"]) => fake.register(registration_scope(&segments), &payload),
        ("GET", [.., "commands"]) => Json(fake.registered(registration_scope(&segments))).into_response(),
        ("GET", ["users", "@me"]) => Json(user(APP_ID, "Easel")).into_response(),
        ("GET", ["users", "@me", "guilds"]) => {
            let permissions = fake.inner.lock().unwrap().bot_permissions.unwrap_or(BOT_PERMISSIONS);
            Json(json!([{"id": GUILD_ID.to_string(), "name": "Art Club", "icon": null, "owner": false,
                "permissions": permissions.to_string(), "features": []}]))
            .into_response()
        }
        ("POST", ["interactions", _, token, "callback"]) => {
            fake.answered(token, &payload);
            StatusCode::NO_CONTENT.into_response()
        }
        ("PATCH", ["webhooks", _, token, "messages", which]) => {
            Json(fake.edited_answer(token, *which == "@original", &payload, &files)).into_response()
        }
        ("DELETE", ["webhooks", _, _, "messages", _]) => StatusCode::NO_CONTENT.into_response(),
        ("POST", ["webhooks", _, token]) => fake.followup(token, &payload, &files),
        ("POST", ["users", "@me", "channels"]) => {
            let recipient = payload["recipient_id"].as_str().and_then(|id| id.parse().ok()).unwrap_or(MEMBER_ID);
            Json(json!({"id": DM_CHANNEL_ID.to_string(), "type": 1, "last_message_id": null,
                "recipients": [user(recipient, "ann")]}))
            .into_response()
        }
        ("GET", ["channels", _, "messages", id]) => match fake.stored_message(id) {
            Some(message) => Json(message).into_response(),
            None => (StatusCode::NOT_FOUND, Json(json!({"message": "Unknown Message", "code": 10008}))).into_response(),
        },
        ("PATCH", ["channels", _, "messages", id]) => {
            let mut inner = fake.inner.lock().unwrap();
            match inner.messages.get_mut(*id) {
                Some(message) => {
                    for field in ["content", "embeds", "components"] {
                        if let Some(value) = payload.get(field) {
                            message[field] = value.clone();
                        }
                    }
                    Json(message.clone()).into_response()
                }
                None => {
                    (StatusCode::NOT_FOUND, Json(json!({"message": "Unknown Message", "code": 10008}))).into_response()
                }
            }
        }
        ("DELETE", ["channels", _, "messages", id]) => match fake.inner.lock().unwrap().messages.remove(*id) {
            Some(_) => StatusCode::NO_CONTENT.into_response(),
            None => (StatusCode::NOT_FOUND, Json(json!({"message": "Unknown Message", "code": 10008}))).into_response(),
        },
        ("POST", ["channels", channel, "messages"]) => {
            // As Discord: with `enforce_nonce`, a post carrying a nonce already used in the channel
            // returns that message instead of making another.
            let channel = channel.parse().unwrap_or(CHANNEL_ID);
            if bot_absent_from(channel) {
                return (StatusCode::FORBIDDEN, Json(json!({"message": "Missing Access", "code": 50001})))
                    .into_response();
            }
            let nonce = payload["nonce"].as_str().filter(|_| payload["enforce_nonce"] == true).map(str::to_owned);
            if let Some(nonce) = &nonce {
                if let Some(made) = fake.inner.lock().unwrap().nonces.get(&(channel, nonce.clone())).cloned() {
                    return Json(made).into_response();
                }
            }
            let made = fake.message(channel, guild_of(channel), &payload, &files);
            let mut inner = fake.inner.lock().unwrap();
            if let Some(nonce) = nonce {
                inner.nonces.insert((channel, nonce), made.clone());
            }
            if let Some(lost) = inner.lost_answers.iter_mut().find(|(p, n)| *n > 0 && path.contains(p.as_str())) {
                lost.1 -= 1;
                let body = json!({"message": "500: Internal Server Error", "code": 0});
                return (StatusCode::INTERNAL_SERVER_ERROR, Json(body)).into_response();
            }
            Json(made).into_response()
        }
        _ => (StatusCode::NOT_FOUND, Json(json!({"message": "404: Not Found", "code": 0}))).into_response(),
    }
}

/// A guild as `GET /guilds/{id}` returns it (the fields Easel reads, and a few more): its owner and its
/// roles, `@everyone` (whose id is the guild's) granting only the ordinary bits.
fn guild(id: &str, extra_roles: &[(u64, u64)]) -> Value {
    let role = |id: String, name: &str, permissions: u64| {
        json!({"id": id, "name": name, "permissions": permissions.to_string(), "position": 0, "color": 0,
            "hoist": false, "managed": false, "mentionable": false})
    };
    let mut roles = vec![
        role(id.to_owned(), "@everyone", ORDINARY),
        role(MANAGER_ROLE.to_string(), "Admins", 0x20),
        role(MODERATOR_ROLE.to_string(), "Mods", 0x2000),
    ];
    roles.extend(extra_roles.iter().map(|(role_id, permissions)| role(role_id.to_string(), "Extra", *permissions)));
    json!({"id": id, "name": "Art Club", "icon": null, "owner_id": OWNER_ID.to_string(), "roles": roles,
        "features": [], "emojis": [], "verification_level": 0, "default_message_notifications": 0})
}

/// A response declaring all of `bytes` whose body stops half-way with an error.
fn cut_short(bytes: Vec<u8>) -> Response {
    let half = Bytes::from(bytes[..bytes.len() / 2].to_vec());
    // The first half goes out at once; the connection breaks a moment later, mid-body.
    let body = axum::body::Body::from_stream(futures_util::stream::unfold(Some(half), |state| async move {
        match state {
            Some(half) => Some((Ok(half), None)),
            None => {
                tokio::time::sleep(Duration::from_millis(100)).await;
                Some((Err(std::io::Error::new(std::io::ErrorKind::ConnectionReset, "cut")), None))
            }
        }
    }));
    ([("content-type", "image/png".to_owned()), ("content-length", bytes.len().to_string())], body).into_response()
}

/// The locales Discord accepts in `name_localizations` and `description_localizations`.
const DISCORD_LOCALES: [&str; 34] = [
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl", "pt-BR",
    "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja", "zh-TW", "ko", "ar",
    "he",
];

/// Why Discord would refuse these command definitions, as its form validation does: a slash command's or
/// option's name must be 1-32 lowercase letters, digits, `-` or `_` (any script), unique among its
/// siblings (of the same command type) in every language; a description at most 100 characters;
/// localisations only for Discord's locales; `integration_types` and `contexts` only Discord's values. A
/// context-menu command (type 2 user, 3 message) may have spaces and capitals, and has neither
/// description nor options.
fn invalid_command_form(payload: &Value) -> Option<String> {
    let mut top: HashMap<u64, HashMap<String, Vec<String>>> = HashMap::new();
    payload.as_array().into_iter().flatten().find_map(|command| {
        let kind = command["type"].as_u64().unwrap_or(1);
        invalid_installation(command).or_else(|| invalid_node(command, top.entry(kind).or_default(), kind != 1))
    })
}

/// Why Discord would refuse `node` (a command, or an option when not `context_menu`) among `siblings`
/// (the names taken, by locale).
fn invalid_node(node: &Value, siblings: &mut HashMap<String, Vec<String>>, context_menu: bool) -> Option<String> {
    let name = node["name"].as_str().unwrap_or_default();
    let names = match localized_names(node, name) {
        Ok(names) => names,
        Err(why) => return Some(why),
    };
    for (locale, text) in &names {
        if !valid_name(text, context_menu) {
            return Some(format!("{name}: the {locale} name {text:?} is not a valid command name"));
        }
        let taken = siblings.entry(locale.clone()).or_default();
        if taken.contains(text) {
            return Some(format!("{name}: the {locale} name {text:?} is used twice"));
        }
        taken.push(text.clone());
    }
    if context_menu {
        return invalid_context_menu(node, name);
    }
    let description = node["description"].as_str().unwrap_or_default();
    if description.chars().count() > 100 {
        return Some(format!("{name}: description longer than 100 characters"));
    }
    let mut children = HashMap::new();
    node["options"].as_array().into_iter().flatten().find_map(|option| invalid_node(option, &mut children, false))
}

/// The names of `node` (called `name`) by locale, `default` first; or why its localisations are refused:
/// only Discord's locales, names 1-32 and descriptions 1-100 characters.
fn localized_names(node: &Value, name: &str) -> Result<Vec<(String, String)>, String> {
    let mut names = vec![("default".to_owned(), name.to_owned())];
    for (field, max) in [("name_localizations", 32), ("description_localizations", 100)] {
        for (locale, text) in node[field].as_object().into_iter().flatten() {
            let text = text.as_str().unwrap_or_default();
            if !DISCORD_LOCALES.contains(&locale.as_str()) {
                return Err(format!("{name}: {locale} is not a Discord locale"));
            }
            if text.is_empty() || text.chars().count() > max {
                return Err(format!("{name}: {field}.{locale} must be 1-{max} characters: {text:?}"));
            }
            if field == "name_localizations" {
                names.push((locale.clone(), text.to_owned()));
            }
        }
    }
    Ok(names)
}

/// Whether Discord takes `text` as a name: for slash commands and options lowercase letters, digits, `-`
/// or `_`, at most 32; for context-menu commands 1-32 characters of any case, spaces too, not only
/// whitespace.
fn valid_name(text: &str, context_menu: bool) -> bool {
    let length = text.chars().count();
    if context_menu {
        return (1..=32).contains(&length) && !text.trim().is_empty();
    }
    let allowed = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    text.chars().all(allowed) && text.to_lowercase() == text && length <= 32
}

/// Why Discord would refuse context-menu command `name`: it has no description and no options.
fn invalid_context_menu(node: &Value, name: &str) -> Option<String> {
    if !node["description"].as_str().unwrap_or_default().is_empty() {
        return Some(format!("{name}: a context-menu command's description must be empty"));
    }
    if node["options"].as_array().is_some_and(|options| !options.is_empty()) {
        return Some(format!("{name}: a context-menu command takes no options"));
    }
    None
}

/// Why Discord would refuse where `command` may be installed and used: `integration_types` 0 (server) or
/// 1 (user); `contexts` 0 (server), 1 (the bot's DM) or 2 (other private channels).
fn invalid_installation(command: &Value) -> Option<String> {
    let name = command["name"].as_str().unwrap_or_default();
    for (field, max) in [("integration_types", 1), ("contexts", 2)] {
        for value in command[field].as_array().into_iter().flatten() {
            if value.as_u64().is_none_or(|v| v > max) {
                return Some(format!("{name}: {field} value {value} is not valid"));
            }
        }
    }
    None
}

/// The commands as Discord answers an accepted registration (and lists them after): each with its `id`,
/// `application_id`, `version`, `type` and `description`.
fn registered_commands(payload: &Value) -> Vec<Value> {
    let commands = payload.as_array().cloned().unwrap_or_default();
    commands
        .into_iter()
        .enumerate()
        .map(|(i, mut c)| {
            c["id"] = json!(format!("92000000000000000{i}"));
            c["application_id"] = json!(APP_ID.to_string());
            c["version"] = json!("1");
            c["type"] = c.get("type").cloned().unwrap_or(json!(1));
            c["description"] = c.get("description").cloned().unwrap_or(json!(""));
            c
        })
        .collect()
}
