using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace StudyRooms.Testing;

/// <summary>Small real files for upload tests, made in code: a valid PNG of any size, a PDF, a DOCX-shaped zip.</summary>
public static class TestFiles
{
    /// <summary>
    /// A PNG that decoders accept: the header chunk gives <paramref name="width"/> × <paramref name="height"/>;
    /// for small sizes the pixels are real (one grey row each), for huge ones only the header is (the
    /// server reads only the header, and a browser test never opens those).
    /// </summary>
    public static byte[] Png(int width = 2, int height = 2)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        Chunk(png, "IHDR", header);
        if ((long)width * height <= 1_000_000)
        {
            var raw = new byte[(width + 1) * height];
            for (var row = 0; row < height; row++)
            {
                raw.AsSpan((row * (width + 1)) + 1, width).Fill(0x80);
            }

            using var compressed = new MemoryStream();
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] Pdf() => "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public static byte[] Html() => "<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();

    /// <summary>The start of a Windows executable: "MZ", then NUL bytes.</summary>
    public static byte[] Exe() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A zip with the parts that make a Word document what it is (content types and the main part).</summary>
    public static byte[] Docx()
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "word/document.xml" })
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write("<?xml version=\"1.0\"?><x/>"u8);
            }
        }

        return file.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typed));
        png.Write(crc);
    }
}
