//! The REST routes under `/api/v10` the bot calls, answered as Discord answers them, and the CDN that
//! serves uploads.

use super::*;

pub(super) async fn read_body(fake: &FakeDiscord, request: Request) -> (Value, Vec<(String, String, Vec<u8>)>) {
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

pub(super) async fn handle(State((fake, ws_url)): State<(FakeDiscord, String)>, request: Request) -> Response {
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
    let a_result = files.iter().any(|(_, name, _)| name != "preview.jpg");
    if a_result && fake.inner.lock().unwrap().hanging_results {
        std::future::pending::<()>().await;
    }
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
pub(super) fn guild(id: &str, extra_roles: &[(u64, u64)]) -> Value {
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
pub(super) fn cut_short(bytes: Vec<u8>) -> Response {
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
