//! A bare serenity bot, the benchmark's yardstick: it defers every command, waits what a model would
//! (`BARE_MODEL_DELAY_MS`), and uploads the image at `BARE_IMAGE` as the answer. No limits, no queue, no
//! database: what any Discord image bot must at least do.
//!
//! Started by the benchmark (`examples/bench.rs`) against the same Discord stand-in as Easel, with
//! `DISCORD_TOKEN`, `DISCORD_API_BASE`, `BARE_IMAGE` and `BARE_MODEL_DELAY_MS` in its environment.

use std::time::Duration;

use serenity::all::{
    ClientBuilder, CreateAttachment, CreateInteractionResponse, CreateInteractionResponseMessage,
    EditInteractionResponse, EventHandler, GatewayIntents, HttpBuilder, Interaction,
};
use serenity::async_trait;

struct Bare {
    image: Vec<u8>,
    delay: Duration,
}

#[async_trait]
impl EventHandler for Bare {
    async fn interaction_create(&self, ctx: serenity::all::Context, interaction: Interaction) {
        let Interaction::Command(command) = interaction else { return };
        let deferral = CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new());
        if command.create_response(&ctx.http, deferral).await.is_err() {
            return;
        }
        tokio::time::sleep(self.delay).await;
        let file = CreateAttachment::bytes(self.image.clone(), "image.png");
        let _ = command.edit_response(&ctx.http, EditInteractionResponse::new().new_attachment(file)).await;
    }
}

#[tokio::main]
async fn main() {
    let var = |name: &str| std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set"));
    let image = std::fs::read(var("BARE_IMAGE")).expect("BARE_IMAGE is readable");
    let delay =
        Duration::from_millis(std::env::var("BARE_MODEL_DELAY_MS").ok().and_then(|v| v.parse().ok()).unwrap_or(0));
    let http = HttpBuilder::new(var("DISCORD_TOKEN")).proxy(var("DISCORD_API_BASE")).ratelimiter_disabled(true).build();
    let mut client = ClientBuilder::new_with_http(http, GatewayIntents::empty())
        .event_handler(Bare { image, delay })
        .await
        .expect("a client");
    if let Ok(gateway) = client.http.get_bot_gateway().await {
        *client.ws_url.lock().await = gateway.url;
    }
    client.start().await.expect("the gateway");
}
