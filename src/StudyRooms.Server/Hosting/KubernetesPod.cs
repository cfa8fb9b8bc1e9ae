namespace StudyRooms.Server.Hosting;

/// <summary>
/// Whether this process runs in a Kubernetes pod whose manifest passes the pod identity from the
/// downward API (k8s/base/deployment.yaml); Orleans' Kubernetes hosting needs all three.
/// </summary>
public static class KubernetesPod
{
    public const string NameVariable = "POD_NAME";
    public const string NamespaceVariable = "POD_NAMESPACE";
    public const string ServiceHostVariable = "KUBERNETES_SERVICE_HOST";

    public static bool IsDetected() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(NameVariable))
        && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(NamespaceVariable))
        && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ServiceHostVariable));
}
