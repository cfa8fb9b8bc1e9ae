# StudyRooms server image: the web client (web/) built by Node, the server published by the .NET
# SDK, both shipped in the ASP.NET Core runtime image and run as a non-root user.
#
#   docker build -t studyrooms/server:0.1.0 .
#   docker run -p 8080:8080 -v studyrooms-data:/data studyrooms/server:0.1.0        # embedded mode
#
# k8s/ runs the same image in Redis mode (docs/operations.md).

# --- web client --------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json web/.npmrc ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

# --- server ------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/StudyRooms.Contracts/StudyRooms.Contracts.csproj src/StudyRooms.Contracts/
COPY src/StudyRooms.Grains/StudyRooms.Grains.csproj src/StudyRooms.Grains/
COPY src/StudyRooms.Storage/StudyRooms.Storage.csproj src/StudyRooms.Storage/
COPY src/StudyRooms.Server/StudyRooms.Server.csproj src/StudyRooms.Server/
# ReadyToRun: the server's and its packages' assemblies are precompiled for the image's processor,
# so a fresh server spends about 40 % less CPU before it is ready and less JIT work under its first
# load (docs/benchmarks.md, "ReadyToRun"). It needs a runtime identifier, hence -r.
ARG TARGETARCH
RUN RID=linux-$([ "$TARGETARCH" = "arm64" ] && echo arm64 || echo x64) \
 && dotnet restore src/StudyRooms.Server/StudyRooms.Server.csproj -r "$RID" -p:PublishReadyToRun=true
COPY src/ src/
# The web client comes from the stage above, so the SDK image needs no Node.
RUN RID=linux-$([ "$TARGETARCH" = "arm64" ] && echo arm64 || echo x64) \
 && dotnet publish src/StudyRooms.Server/StudyRooms.Server.csproj -c Release -o /app --no-restore -p:SkipWebBuild=true \
      -r "$RID" --self-contained false -p:PublishReadyToRun=true
COPY --from=web /src/web/dist/ /app/wwwroot/

# --- runtime -----------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data && chown "$APP_UID" /data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    StudyRooms__DataDirectory=/data \
    DOTNET_NOLOGO=1
# HTTP (API, hub, web client, /health, /ready, /metrics), Orleans silo, Orleans gateway.
EXPOSE 8080 11111 30000
VOLUME ["/data"]
# The "app" user (uid 1654) that the .NET images ship.
USER $APP_UID
ENTRYPOINT ["dotnet", "StudyRooms.Server.dll"]
