# syntax=docker/dockerfile:1
# One image recipe for every SearchSuite service; PROJECT picks which (SearchSuite.Ingest, .Normalize, .Search).
# Build context: the repository root (docker-compose.yml sets it), e.g.
#   docker build -f deploy/service.Dockerfile --build-arg PROJECT=SearchSuite.Search -t searchsuite-search .
# Tags are pinned to the SDK and runtime the repository is built and tested with (global.json allows 10.0.1xx and later).
ARG DOTNET_SDK_TAG=10.0.401
ARG ASPNET_TAG=10.0.12

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_SDK_TAG} AS build
ARG PROJECT
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY protos/ protos/
COPY services/ services/
# Host build output must not leak into the image build (service.Dockerfile.dockerignore also drops it under BuildKit).
RUN find services -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} + \
 && test -n "$PROJECT" && test -f "services/$PROJECT/$PROJECT.csproj" \
 || { echo "build-arg PROJECT must name a folder in services/ (e.g. SearchSuite.Search)"; exit 1; }
RUN dotnet restore "services/$PROJECT/$PROJECT.csproj"
RUN dotnet publish "services/$PROJECT/$PROJECT.csproj" -c Release --no-restore -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:${ASPNET_TAG} AS runtime
ARG PROJECT
WORKDIR /app
COPY --from=build /app ./
COPY deploy/healthcheck.sh /usr/local/bin/healthcheck
# The Lucene index folder must exist and belong to app before a named volume is mounted on it (the volume copies ownership).
RUN chmod 0755 /usr/local/bin/healthcheck && mkdir -p /data/index && chown app:app /data/index
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    SERVICE_ASSEMBLY=${PROJECT}.dll \
    Index__Path=/data/index
EXPOSE 8080
# The aspnet images ship the non-root user "app" (uid 1654).
USER app
ENTRYPOINT ["sh", "-c", "exec dotnet \"$SERVICE_ASSEMBLY\""]
