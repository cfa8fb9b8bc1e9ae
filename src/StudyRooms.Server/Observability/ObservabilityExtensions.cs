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

    /// <summary>Series kept per metric before the rest fold into the overflow series (<c>otel_metric_overflow</c>).</summary>
    public const int MaxSeriesPerMetric = 200;

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
                // Each metric stream allocates its whole table of series up front (2,000 by default,
                // about 144 KB): with some 140 streams that was 20 MB of a small server's memory. Ours
                // have at most a few dozen series each (labels are grain types, routes and outcomes,
                // never users or rooms); a stream past the limit reports the rest as one overflow series.
                metrics.AddMeter(Meters)
                    .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MaxSeriesPerMetric })
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
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
