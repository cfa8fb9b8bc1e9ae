using StudyRooms.Grains.Resources;

namespace StudyRooms.Grains.Tests.Resources;

// Proves the shelf's pure rules: file names are cleaned to one safe segment, blob ids are 128 random
// bits in hex, and links are stored in their parsed form (P-RES-3, P-RES-6).
public sealed class ResourceRulesTests
{
    [Theory]
    [InlineData("notes.pdf", "notes.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\ada\\slides.pptx", "slides.pptx")]
    [InlineData("a\"b\u0001c.txt", "abc.txt")]
    [InlineData(".hidden", "hidden")]
    [InlineData("", "file")]
    [InlineData(null, "file")]
    [InlineData("dir/", "file")]
    [InlineData("Übung 3 — Lösungen.pdf", "Übung 3 — Lösungen.pdf")]
    public void FileNamesAreCleanedToOneSafeSegment(string? name, string expected) =>
        Assert.Equal(expected, ResourceRules.CleanFileName(name, 200));

    [Fact]
    public void LongFileNamesKeepTheirExtension()
    {
        var cleaned = ResourceRules.CleanFileName(new string('x', 300) + ".pdf", 200);

        Assert.Equal(200, cleaned.Length);
        Assert.EndsWith(".pdf", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void BlobIdsAreFreshAndOnlyTheirShapeIsAccepted()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => ResourceRules.NewBlobId()).ToHashSet();

        Assert.Equal(1000, ids.Count);
        Assert.All(ids, id => Assert.True(ResourceRules.IsBlobId(id)));
        Assert.False(ResourceRules.IsBlobId("../" + new string('a', 29)));
        Assert.False(ResourceRules.IsBlobId(new string('A', 32)));
        Assert.False(ResourceRules.IsBlobId(null));
    }

    [Fact]
    public void LinksAreStoredInTheirParsedForm()
    {
        var (url, title) = ResourceRules.CheckLink("  HTTPS://Example.org/path?x=1#top ", null, ResourceSettings.Default);

        Assert.Equal("https://example.org/path?x=1#top", url);
        Assert.Equal(url, title);
    }
}
