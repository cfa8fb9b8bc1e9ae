using StudyRooms.Contracts.Protocol;
using StudyRooms.Server.Resources;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the upload type check reads the content, not the name: each allowed kind is recognised
// with its image size from the header, and look-alikes are refused (P-RES-7).
public sealed class FileSnifferTests
{
    [Fact]
    public void JpegSizeIsReadFromTheFrameHeaderAfterOtherSegments()
    {
        byte[] jpeg =
        [
            0xFF, 0xD8,
            0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
            0xFF, 0xDB, 0x00, 0x04, 0, 0,
            0xFF, 0xC2, 0x00, 0x11, 8, 0x01, 0xE0, 0x02, 0x80, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
            0xFF, 0xD9,
        ];

        var sniffed = Sniff(jpeg, "photo.jpeg");

        Assert.Equal(("image/jpeg", 640, 480), (sniffed.ContentType, sniffed.Width, sniffed.Height));
    }

    [Fact]
    public void GifAndWebPSizesAreReadFromTheirHeaders()
    {
        byte[] gif = [.. "GIF89a"u8, 0x20, 0x03, 0x58, 0x02, 0, 0, 0];
        byte[] lossless = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8L"u8, 0, 0, 0, 0, 0x2F, .. BitConverter.GetBytes((uint)(99 | (49 << 14)))];
        byte[] extended = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8X"u8, 10, 0, 0, 0, 0, 0, 0, 0, 0x10, 0x27, 0, 0x0F, 0x27, 0];

        Assert.Equal(("image/gif", 800, 600), Size(Sniff(gif, "a.gif")));
        Assert.Equal(("image/webp", 100, 50), Size(Sniff(lossless, "a.webp")));
        // 10,001 × 10,000: one pixel wider than the limit.
        var tooLarge = Assert.Throws<StudyRoomsException>(() => Sniff(extended, "a.webp"));
        Assert.Equal(ErrorCodes.ImageTooLarge, tooLarge.Code);
    }

    [Fact]
    public void TextMustBeStrictUtf8UnderATextName()
    {
        Assert.Equal("text/plain; charset=utf-8", Sniff(TestFiles.Text("héllo"), "a.txt").ContentType);
        Assert.Equal("text/csv; charset=utf-8", Sniff(TestFiles.Text("a,b\n1,2\n"), "t.csv").ContentType);
        Assert.Equal(ErrorCodes.FileTypeNotAllowed, Assert.Throws<StudyRoomsException>(() => Sniff(TestFiles.Text("<svg onload=alert(1)/>"), "a.svg")).Code);
        Assert.Equal(ErrorCodes.FileTypeNotAllowed, Assert.Throws<StudyRoomsException>(() => Sniff([0xC3, 0x28], "a.txt")).Code);
        Assert.Equal(ErrorCodes.FileTypeNotAllowed, Assert.Throws<StudyRoomsException>(() => Sniff([0x61, 0x00, 0x62], "a.md")).Code);
    }

    [Fact]
    public void AZipIsAllowedOnlyAsAnOfficeDocument()
    {
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Sniff(TestFiles.Docx(), "a.docx").ContentType);
        Assert.Equal(ErrorCodes.FileTypeNotAllowed, Assert.Throws<StudyRoomsException>(() => Sniff(TestFiles.Docx(), "a.xlsx")).Code);
        Assert.Equal(ErrorCodes.FileTypeNotAllowed, Assert.Throws<StudyRoomsException>(() => Sniff([.. "PK\x03\x04"u8, 1, 2, 3], "a.docx")).Code);
    }

    private static SniffedFile Sniff(byte[] bytes, string name) => FileSniffer.Sniff(new MemoryStream(bytes), name, 10_000);

    private static (string, int?, int?) Size(SniffedFile file) => (file.ContentType, file.Width, file.Height);
}
