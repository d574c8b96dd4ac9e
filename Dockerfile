# One image for the gateway, the search indexer and the portal (the service picks the binary).
# Build context: the repository root.
FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release -p gateway -p search-indexer -p web

FROM debian:bookworm-slim
RUN useradd --system --home /app rial
WORKDIR /app
COPY --from=build /src/target/release/gateway /usr/local/bin/gateway
COPY --from=build /src/target/release/search-indexer /usr/local/bin/search-indexer
COPY --from=build /src/target/release/portal /usr/local/bin/portal
COPY schema/seeds /app/seeds
COPY locales /app/locales
ENV SEED_DIR=/app/seeds LOCALES_DIR=/app/locales
USER rial
ENV GATEWAY_ADDR=0.0.0.0:8080
EXPOSE 8080
ENTRYPOINT ["gateway"]
CMD ["serve"]
