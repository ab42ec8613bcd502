# Multi-stage build: compile with the full toolchain, run on a small Debian with CA certificates.
FROM rust:1-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY models.toml ./
COPY migrations ./migrations
COPY src ./src
RUN cargo build --release --locked

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /data easel
COPY --from=build /src/target/release/easel /usr/local/bin/easel
USER easel
WORKDIR /data
ENV EASEL_DB=/data/easel.db
VOLUME ["/data"]
ENTRYPOINT ["/usr/local/bin/easel"]
