using k8s.Models;
using Orleans.Hosting.Kubernetes;
using StudyRooms.Server.Hosting;

namespace StudyRooms.Deployment.Tests;

// Proves that the server pods carry what Orleans' Kubernetes hosting reads (its own constants,
// not copies): pod identity from the downward API, orleans/* labels equal to the configured
// cluster and service ids, and a role that lets it watch and label pods.
public sealed class OrleansKubernetesHostingTests
{
    [Fact]
    public void PodIdentityComesFromTheDownwardApi()
    {
        var env = Manifests.Server.Env.ToDictionary(e => e.Name, e => e.ValueFrom?.FieldRef?.FieldPath);

        Assert.Equal("metadata.name", env[KubernetesHostingOptions.PodNameEnvironmentVariable]);
        Assert.Equal("metadata.namespace", env[KubernetesHostingOptions.PodNamespaceEnvironmentVariable]);
        Assert.Equal("status.podIP", env[KubernetesHostingOptions.PodIPEnvironmentVariable]);
        Assert.Equal("status.podIP", env["StudyRooms__AdvertisedIp"]);
        // The server turns Kubernetes hosting on when it sees exactly these.
        Assert.Equal(KubernetesHostingOptions.PodNameEnvironmentVariable, KubernetesPod.NameVariable);
        Assert.Equal(KubernetesHostingOptions.PodNamespaceEnvironmentVariable, KubernetesPod.NamespaceVariable);
    }

    [Fact]
    public void PodLabelsNameTheClusterAndServiceTheServerIsConfiguredFor()
    {
        var labels = Manifests.Deployment.Spec.Template.Metadata.Labels;
        var env = Manifests.Server.Env.Select(e => e.Name).ToArray();

        Assert.Equal(Manifests.Config["StudyRooms__ServiceId"], labels[KubernetesHostingOptions.ServiceIdLabel]);
        Assert.Equal(Manifests.Config["StudyRooms__ClusterId"], labels[KubernetesHostingOptions.ClusterIdLabel]);
        // These would override our ids behind the configuration's back.
        Assert.DoesNotContain(KubernetesHostingOptions.ClusterIdEnvironmentVariable, env);
        Assert.DoesNotContain(KubernetesHostingOptions.ServiceIdEnvironmentVariable, env);
    }

    [Fact]
    public void TheServiceAccountMayWatchAndLabelPods()
    {
        var rule = Assert.Single(Manifests.One<V1Role>("role.yaml").Rules);
        var binding = Manifests.One<V1RoleBinding>("rolebinding.yaml");

        Assert.Contains("pods", rule.Resources);
        Assert.Superset(new HashSet<string> { "get", "list", "watch", "patch" }, rule.Verbs.ToHashSet());
        Assert.Equal("studyrooms-pods", binding.RoleRef.Name);
        Assert.Equal(Manifests.Deployment.Spec.Template.Spec.ServiceAccountName, Assert.Single(binding.Subjects).Name);
    }
}
