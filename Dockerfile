# Easel's container image. Dependencies are compiled in a layer of their own (cargo-chef), so a change
# to Easel's code rebuilds only Easel. The runtime image is Debian slim with CA certificates, running as
# a non-root user; the database and the spool live on the /data volume.
FROM rust:1-slim-bookworm AS chef
RUN cargo install cargo-chef --locked
WORKDIR /src

FROM chef AS planner
COPY . .
RUN cargo chef prepare --recipe-path recipe.json

FROM chef AS build
COPY --from=planner /src/recipe.json recipe.json
RUN cargo chef cook --release --locked --recipe-path recipe.json --bin easel
COPY . .
RUN cargo build --release --locked --bin easel

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /data easel
COPY --from=build /src/target/release/easel /usr/local/bin/easel
USER easel
WORKDIR /data
# The database and, beside it, the spool of images waiting for delivery.
ENV EASEL_DB=/data/easel.db \
    EASEL_HTTP_ADDR=0.0.0.0:9000
VOLUME ["/data"]
EXPOSE 9000
# `easel health` asks /healthz: unhealthy when Discord's gateway is gone or the database unreachable.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["/usr/local/bin/easel", "health"]
# SIGTERM (docker stop) lets running jobs finish within EASEL_SHUTDOWN_GRACE_SECS; give it that long.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/easel"]
