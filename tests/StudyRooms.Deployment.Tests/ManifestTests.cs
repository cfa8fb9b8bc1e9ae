using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using StudyRooms.Server.Options;

namespace StudyRooms.Deployment.Tests;

// Proves that k8s/ is a consistent set of Kubernetes objects: every file parses with the real
// Kubernetes object model, the kustomizations list files that exist, and every name one object
// refers to (selectors, Services, ConfigMaps, Secrets, scale targets) exists.
public sealed class ManifestTests
{
    public static TheoryData<string> Files => [.. Manifests.ObjectFiles];

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryManifestParsesAsKubernetesObjects(string file)
    {
        var objects = Manifests.Load(file);

        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.IsAssignableFrom<IKubernetesObject<V1ObjectMeta>>(o));
        Assert.All(objects, o => Assert.False(string.IsNullOrEmpty(((IKubernetesObject<V1ObjectMeta>)o).Metadata.Name), $"{file}: an object without a name"));
    }

    [Theory]
    [InlineData(Manifests.Base)]
    [InlineData(Manifests.Production)]
    public void KustomizationsListOnlyFilesThatExist(string directory)
    {
        var kustomization = Manifests.Kustomization(directory);
        var listed = Manifests.Strings(kustomization, "resources").Concat(Manifests.Strings(kustomization, "patches")).ToArray();

        Assert.NotEmpty(listed);
        Assert.All(listed, entry => Assert.True(
            File.Exists(Repository.PathOf($"{directory}/{entry}")) || Directory.Exists(Repository.PathOf($"{directory}/{entry}")),
            $"{directory}/kustomization.yaml lists {entry}, which does not exist"));
    }

    [Fact]
    public void EveryBaseManifestIsInTheBaseKustomization()
    {
        var listed = Manifests.Strings(Manifests.Kustomization(Manifests.Base), "resources").ToHashSet();
        var files = Directory.EnumerateFiles(Repository.PathOf(Manifests.Base), "*.yaml")
            .Select(f => Path.GetFileName(f))
            .Where(f => f != "kustomization.yaml");

        Assert.All(files, f => Assert.Contains(f, listed));
    }

    [Fact]
    public void SelectorsAndReferencesPointAtObjectsThatExist()
    {
        var deployment = Manifests.Deployment;
        var podLabels = deployment.Spec.Template.Metadata.Labels;
        Assert.All(deployment.Spec.Selector.MatchLabels, l => Assert.Equal(l.Value, podLabels[l.Key]));

        var service = Manifests.One<V1Service>("service.yaml");
        Assert.All(service.Spec.Selector, l => Assert.Equal(l.Value, podLabels[l.Key]));
        var servicePort = Assert.Single(service.Spec.Ports);
        Assert.Contains(Manifests.Server.Ports, p => p.Name == servicePort.TargetPort.Value);

        var ingressBackend = Assert.Single(Assert.Single(Manifests.One<V1Ingress>("ingress.yaml").Spec.Rules).Http.Paths).Backend.Service;
        Assert.Equal(service.Metadata.Name, ingressBackend.Name);
        Assert.Equal(servicePort.Name, ingressBackend.Port.Name);

        var pdb = Manifests.One<V1PodDisruptionBudget>("poddisruptionbudget.yaml");
        Assert.All(pdb.Spec.Selector.MatchLabels, l => Assert.Equal(l.Value, podLabels[l.Key]));

        var hpa = Manifests.One<V2HorizontalPodAutoscaler>("horizontalpodautoscaler.yaml");
        Assert.Equal(("Deployment", deployment.Metadata.Name), (hpa.Spec.ScaleTargetRef.Kind, hpa.Spec.ScaleTargetRef.Name));
        Assert.True(hpa.Spec.MinReplicas >= 2, "at least two servers, so a room always has a silo to move to");
        Assert.NotNull(Manifests.Server.Resources.Requests["cpu"]); // the HPA's utilisation is relative to it

        var configMap = Manifests.One<V1ConfigMap>("configmap.yaml");
        Assert.Contains(Manifests.Server.EnvFrom, e => e.ConfigMapRef?.Name == configMap.Metadata.Name);
        var secret = Manifests.One<V1Secret>("secret.yaml");
        var redis = Manifests.One<V1StatefulSet>("redis-statefulset.yaml");
        var secretRefs = deployment.Spec.Template.Spec.Containers.Concat(redis.Spec.Template.Spec.Containers)
            .SelectMany(c => c.Env ?? [])
            .Select(e => e.ValueFrom?.SecretKeyRef)
            .OfType<V1SecretKeySelector>()
            .ToArray();
        Assert.NotEmpty(secretRefs);
        Assert.All(secretRefs, r => Assert.Equal(secret.Metadata.Name, r.Name));
        Assert.All(secretRefs, r => Assert.Contains(r.Key, secret.StringData.Keys));

        Assert.Equal(deployment.Spec.Template.Spec.ServiceAccountName, Manifests.One<V1ServiceAccount>("serviceaccount.yaml").Metadata.Name);
    }

    [Fact]
    public void RedisKeepsItsAppendOnlyFileOnAPersistentVolume()
    {
        var redis = Manifests.One<V1StatefulSet>("redis-statefulset.yaml");
        var conf = Manifests.One<V1ConfigMap>("redis-configmap.yaml").Data["redis.conf"].Split('\n').Select(l => l.Trim()).ToArray();
        var claim = Assert.Single(redis.Spec.VolumeClaimTemplates);
        var container = Assert.Single(redis.Spec.Template.Spec.Containers);

        Assert.Contains("appendonly yes", conf);
        Assert.Contains("dir /data", conf);
        Assert.Contains("maxmemory-policy noeviction", conf);
        Assert.Contains(container.VolumeMounts, m => m.Name == claim.Metadata.Name && m.MountPath == "/data");
        Assert.Equal(Manifests.One<V1Service>("redis-service.yaml").Metadata.Name, redis.Spec.ServiceName);
        Assert.StartsWith("redis:6379", Manifests.Secrets["StudyRooms__Redis"], StringComparison.Ordinal);
    }

    [Fact]
    public void UploadedFilesGoToAReadWriteManyVolumeMountedWhereTheFilesDirectoryOptionPoints()
    {
        var variable = ResourceOptions.Section.Replace(":", "__", StringComparison.Ordinal) + "__" + nameof(ResourceOptions.FilesDirectory);
        var claim = Manifests.One<V1PersistentVolumeClaim>("files-persistentvolumeclaim.yaml");
        var volume = Assert.Single(Manifests.Deployment.Spec.Template.Spec.Volumes, v => v.PersistentVolumeClaim?.ClaimName == claim.Metadata.Name);
        var mount = Assert.Single(Manifests.Server.VolumeMounts, m => m.Name == volume.Name);
        var directory = Assert.Single(Manifests.Server.Env, e => e.Name == variable).Value;

        // Any pod may serve a download or erase a deleted room's files, so every pod mounts the same files.
        Assert.Equal(["ReadWriteMany"], claim.Spec.AccessModes);
        Assert.NotEqual(true, mount.ReadOnlyProperty);
        Assert.Equal(mount.MountPath, directory);

        // The folder the server would use with the shipped settings, as the options bind it.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [variable.Replace("__", ":", StringComparison.Ordinal)] = directory,
            ["StudyRooms:Redis"] = Manifests.Secrets["StudyRooms__Redis"],
        }).Build();
        var resources = configuration.GetSection(ResourceOptions.Section).Get<ResourceOptions>()!;
        var studyRooms = configuration.GetSection(StudyRoomsOptions.Section).Get<StudyRoomsOptions>()!;
        Assert.True(studyRooms.IsRedisMode);
        Assert.Equal(mount.MountPath, resources.FilesDirectoryFor(studyRooms));
    }

    [Fact]
    public void TheServerIsProbedRestrictedAndGivenTimeToStopGracefully()
    {
        var pod = Manifests.Deployment.Spec.Template.Spec;
        var server = Manifests.Server;

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.False(server.SecurityContext.AllowPrivilegeEscalation);
        Assert.Contains("ALL", server.SecurityContext.Capabilities.Drop);
        Assert.NotNull(server.StartupProbe);
        Assert.NotNull(server.ReadinessProbe);
        Assert.NotNull(server.LivenessProbe);
        Assert.True(pod.TerminationGracePeriodSeconds >= 30, "SIGTERM hands grains' state to Redis and leaves the cluster: give it time");
        // A stop that cannot finish (Redis gone) ends itself, saying why, before Kubernetes' SIGKILL would.
        var preStopSeconds = int.Parse(server.Lifecycle.PreStop.Exec.Command[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(
            preStopSeconds + new StudyRoomsOptions().ShutdownDeadline.TotalSeconds < pod.TerminationGracePeriodSeconds,
            "the server's shutdown deadline ends a stuck stop within the pod's grace period");
        Assert.Equal("0", Manifests.Deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value);
        Assert.Contains("memory", server.Resources.Limits.Keys);
    }

    [Fact]
    public void TheIngressKeepsWebSocketsOpenSticksNegotiationToOnePodAndForwardsClientAddresses()
    {
        var annotations = Manifests.One<V1Ingress>("ingress.yaml").Metadata.Annotations;

        Assert.True(int.Parse(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"], System.Globalization.CultureInfo.InvariantCulture) >= 3600);
        Assert.True(int.Parse(annotations["nginx.ingress.kubernetes.io/proxy-send-timeout"], System.Globalization.CultureInfo.InvariantCulture) >= 3600);
        Assert.Equal("cookie", annotations["nginx.ingress.kubernetes.io/affinity"]);
        // Client addresses for the per-address limits come through the ingress' X-Forwarded-For.
        Assert.Contains(Manifests.Server.Env, e => e.Name == "ASPNETCORE_FORWARDEDHEADERS_ENABLED" && e.Value == "true");
    }
}
