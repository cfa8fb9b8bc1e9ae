using k8s;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace StudyRooms.Deployment.Tests;

/// <summary>k8s/ as Kubernetes objects (KubernetesClient's model) and kustomizations (plain YAML).</summary>
public static class Manifests
{
    public const string Base = "k8s/base";
    public const string Production = "k8s/overlays/production";

    /// <summary>Every YAML file under k8s/ except the kustomizations, relative to the repository.</summary>
    public static IReadOnlyList<string> ObjectFiles { get; } =
        Directory.EnumerateFiles(Repository.PathOf("k8s"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .Select(f => Path.GetRelativePath(Repository.Root, f))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static IReadOnlyList<object> Load(string relative) => KubernetesYaml.LoadAllFromString(Repository.Read(relative));

    /// <summary>The single object of a base manifest file.</summary>
    public static T One<T>(string file) => Assert.IsType<T>(Assert.Single(Load($"{Base}/{file}")));

    public static V1Deployment Deployment => One<V1Deployment>("deployment.yaml");

    public static V1Container Server => Assert.Single(Deployment.Spec.Template.Spec.Containers, c => c.Name == "server");

    public static IDictionary<string, string> Config => One<V1ConfigMap>("configmap.yaml").Data;

    public static IDictionary<string, string> Secrets => One<V1Secret>("secret.yaml").StringData;

    public static YamlMappingNode Kustomization(string directory)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(Repository.Read($"{directory}/kustomization.yaml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static IEnumerable<string> Strings(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? ((YamlSequenceNode)value).Children.Select(ScalarOrPath)
            : [];

    public static IEnumerable<YamlMappingNode> Mappings(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? ((YamlSequenceNode)value).Children.Cast<YamlMappingNode>()
            : [];

    public static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static string ScalarOrPath(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value!,
        YamlMappingNode mapping => Scalar(mapping, "path"),
        _ => throw new InvalidOperationException($"unexpected kustomization entry {node}"),
    };
}
