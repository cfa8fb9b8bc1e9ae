using System.Text.RegularExpressions;

namespace StudyRooms.Deployment.Tests;

// Proves that the Dockerfile and the manifests describe the same container: the image name, the
// port Kestrel listens on, the Orleans ports, a multi-stage build and a non-root user.
public sealed partial class ContainerImageTests
{
    private static readonly string Dockerfile = Repository.Read("Dockerfile");

    [Fact]
    public void TheContainerPortIsThePortTheImageListensOn()
    {
        var listens = int.Parse(HttpPorts().Match(Dockerfile).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var exposed = Expose().Match(Dockerfile).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        var ports = Manifests.Server.Ports.ToDictionary(p => p.Name, p => p.ContainerPort);
        var config = Manifests.Config;

        Assert.Equal(listens, ports["http"]);
        Assert.Equal(int.Parse(config["StudyRooms__SiloPort"], System.Globalization.CultureInfo.InvariantCulture), ports["silo"]);
        Assert.Equal(int.Parse(config["StudyRooms__GatewayPort"], System.Globalization.CultureInfo.InvariantCulture), ports["gateway"]);
        Assert.Equal(ports.Values.Order(), exposed.Order());
        Assert.Equal(listens.ToString(System.Globalization.CultureInfo.InvariantCulture), Manifests.Deployment.Spec.Template.Metadata.Annotations["prometheus.io/port"]);
    }

    [Fact]
    public void TheImageNameIsTheSameInTheDockerfileTheDeploymentAndEveryKustomization()
    {
        var built = BuildTag().Match(Dockerfile);
        Assert.True(built.Success, "the Dockerfile documents its build command: docker build -t NAME:TAG .");
        var name = built.Groups[1].Value;

        Assert.Equal(name, Manifests.Server.Image);
        foreach (var directory in new[] { Manifests.Base, Manifests.Production })
        {
            var image = Assert.Single(Manifests.Mappings(Manifests.Kustomization(directory), "images"));
            Assert.Equal(name, Manifests.Scalar(image, "name"));
            Assert.Equal(built.Groups[2].Value, Manifests.Scalar(image, "newTag"));
        }
    }

    [Fact]
    public void TheImageIsBuiltInStagesAndRunsAsANonRootUser()
    {
        var stages = Regex.Matches(Dockerfile, @"^FROM\s+(\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal(3, stages.Length);
        Assert.StartsWith("node:", stages[0], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", stages[1], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", stages[2], StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^USER \$APP_UID$", RegexOptions.Multiline), Dockerfile);
        Assert.Equal(1654, Manifests.Deployment.Spec.Template.Spec.SecurityContext.RunAsUser); // APP_UID of the .NET images
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"StudyRooms.Server.dll\"]", Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBuildContextLeavesOutBuildOutputAndDependencies()
    {
        var ignored = Repository.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToArray();

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("web/node_modules/", ignored);
        Assert.Contains(".git/", ignored);
    }

    [GeneratedRegex(@"ASPNETCORE_HTTP_PORTS=(\d+)")]
    private static partial Regex HttpPorts();

    [GeneratedRegex(@"^EXPOSE ([\d ]+)$", RegexOptions.Multiline)]
    private static partial Regex Expose();

    [GeneratedRegex(@"docker build -t ([a-z0-9./-]+):([\w.-]+) \.")]
    private static partial Regex BuildTag();
}
