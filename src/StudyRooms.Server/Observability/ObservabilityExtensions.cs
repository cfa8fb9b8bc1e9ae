using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Observability;

/// <summary>
/// OpenTelemetry metrics (ASP.NET Core, Kestrel, SignalR connections, Orleans, .NET runtime and our
/// own meter) scraped by Prometheus at /metrics; traces and metrics also go out over OTLP when the
/// standard OTEL_EXPORTER_OTLP_ENDPOINT variable names a collector.
/// </summary>
public static class ObservabilityExtensions
{
    public const string MetricsPath = "/metrics";

    private static readonly string[] Meters =
    [
        StudyRoomsMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.Orleans",
    ];

    public static WebApplicationBuilder AddStudyRoomsObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StudyRoomsMetrics>();
        builder.Services.AddSingleton<MetricsHubFilter>();
        builder.Services.Configure<HubOptions>(hub => hub.AddFilter<MetricsHubFilter>());

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("studyrooms"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters).AddRuntimeInstrumentation().AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            // Traces are only worth their cost when something collects them.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddOtlpExporter());
        }

        return builder;
    }

    public static WebApplication MapStudyRoomsObservability(this WebApplication app)
    {
        var token = app.Services.GetRequiredService<IOptions<StudyRoomsOptions>>().Value.MetricsToken;
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (!MetricsAccess.Allows(context, token))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        }), optionsName: null);
        return app;
    }
}
