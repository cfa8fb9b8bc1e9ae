using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using StudyRooms.Contracts.Protocol;

namespace StudyRooms.Server.Resources;

/// <summary>
/// Decides an upload's type from its bytes, never from its name or the client's claim (P-RES-7).
/// The allow-list: PNG, JPEG, GIF, WebP (dimensions read from the header and bounded), PDF, plain text
/// and Markdown and CSV (valid UTF-8 without NUL bytes, and only under a .txt, .md, .markdown or .csv
/// name), and Office Open XML documents (DOCX, PPTX, XLSX: a zip with the part that names the kind).
/// A name whose extension says another allowed type than the content is refused too, so a file never
/// reaches someone under a misleading name.
/// </summary>
public static class FileSniffer
{
    private static readonly Dictionary<string, string> ExtensionTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".pdf"] = "application/pdf",
        [".txt"] = "text/plain; charset=utf-8",
        [".text"] = "text/plain; charset=utf-8",
        [".md"] = "text/markdown; charset=utf-8",
        [".markdown"] = "text/markdown; charset=utf-8",
        [".csv"] = "text/csv; charset=utf-8",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly string[] AllowedText = ["PNG", "JPEG", "GIF", "WebP", "PDF", "text (.txt, .md, .csv)", "DOCX", "PPTX", "XLSX"];

    /// <summary>The allowed kinds in words, for refusals and the client.</summary>
    public static string AllowedKinds => string.Join(", ", AllowedText);

    /// <summary>The file's type, or a FILE_TYPE_NOT_ALLOWED / IMAGE_TOO_LARGE refusal. Reads from the start of a seekable stream.</summary>
    public static SniffedFile Sniff(Stream file, string fileName, int maxImageSide)
    {
        var sniffed = SniffContent(file, fileName) ?? throw NotAllowed($"the file's content is not one of the allowed kinds ({AllowedKinds})");
        var extension = Path.GetExtension(fileName);
        if (ExtensionTypes.TryGetValue(extension, out var named) && named != sniffed.ContentType)
        {
            throw NotAllowed($"the name ends in {extension} but the content is {sniffed.ContentType.Split(';')[0]}");
        }

        if (sniffed is { Width: { } width, Height: { } height } && (width > maxImageSide || height > maxImageSide))
        {
            throw new StudyRoomsException(ErrorCodes.ImageTooLarge, $"the image is {width} × {height} pixels; at most {maxImageSide} per side");
        }

        if (sniffed.IsImage && (sniffed.Width is null or < 1 || sniffed.Height is null or < 1))
        {
            throw NotAllowed("the image's header gives no size");
        }

        return sniffed;
    }

    private static SniffedFile? SniffContent(Stream file, string fileName)
    {
        var head = new byte[32];
        file.Position = 0;
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var h = head.AsSpan(0, read);
        if (h.StartsWith(PngSignature))
        {
            return h.Length >= 24 && h[12..16].SequenceEqual("IHDR"u8)
                ? new SniffedFile("image/png", Side(BinaryPrimitives.ReadUInt32BigEndian(h[16..])), Side(BinaryPrimitives.ReadUInt32BigEndian(h[20..])))
                : new SniffedFile("image/png");
        }

        if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8))
        {
            return h.Length >= 10
                ? new SniffedFile("image/gif", BinaryPrimitives.ReadUInt16LittleEndian(h[6..]), BinaryPrimitives.ReadUInt16LittleEndian(h[8..]))
                : new SniffedFile("image/gif");
        }

        if (h.Length >= 16 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP(h);
        }

        if (h.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return Jpeg(file);
        }

        if (h.StartsWith("%PDF-"u8))
        {
            return new SniffedFile("application/pdf");
        }

        if (h.StartsWith("PK\x03\x04"u8))
        {
            return OfficeDocument(file);
        }

        return Text(file, fileName);
    }

    private static SniffedFile WebP(ReadOnlySpan<byte> h)
    {
        var chunk = h[12..16];
        if (chunk.SequenceEqual("VP8X"u8) && h.Length >= 30)
        {
            return new SniffedFile("image/webp", ReadUInt24(h[24..]) + 1, ReadUInt24(h[27..]) + 1);
        }

        if (chunk.SequenceEqual("VP8L"u8) && h.Length >= 25 && h[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(h[21..]);
            return new SniffedFile("image/webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8 "u8) && h.Length >= 30 && h[23] == 0x9D && h[24] == 0x01 && h[25] == 0x2A)
        {
            return new SniffedFile("image/webp", BinaryPrimitives.ReadUInt16LittleEndian(h[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(h[28..]) & 0x3FFF);
        }

        return new SniffedFile("image/webp");
    }

    /// <summary>Walks the JPEG's segments to its frame header (SOFn), which holds the size.</summary>
    private static SniffedFile Jpeg(Stream file)
    {
        var segment = new byte[9];
        long position = 2;
        while (position + 4 <= file.Length)
        {
            file.Position = position;
            if (file.ReadAtLeast(segment, 4, throwOnEndOfStream: false) < 4 || segment[0] != 0xFF)
            {
                break;
            }

            var marker = segment[1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                position += 2;
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                break;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(segment.AsSpan(2));
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                file.Position = position;
                if (file.ReadAtLeast(segment, 9, throwOnEndOfStream: false) < 9)
                {
                    break;
                }

                return new SniffedFile("image/jpeg", BinaryPrimitives.ReadUInt16BigEndian(segment.AsSpan(7)), BinaryPrimitives.ReadUInt16BigEndian(segment.AsSpan(5)));
            }

            if (length < 2)
            {
                break;
            }

            position += 2 + length;
        }

        return new SniffedFile("image/jpeg");
    }

    /// <summary>An Office Open XML document is a zip holding [Content_Types].xml and its kind's main part; only the directory is read, nothing is unpacked.</summary>
    private static SniffedFile? OfficeDocument(Stream file)
    {
        try
        {
            file.Position = 0;
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            return names.Contains("word/document.xml") ? new SniffedFile(ExtensionTypes[".docx"])
                : names.Contains("ppt/presentation.xml") ? new SniffedFile(ExtensionTypes[".pptx"])
                : names.Contains("xl/workbook.xml") ? new SniffedFile(ExtensionTypes[".xlsx"])
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Text is allowed only under a text name, and only as strict UTF-8 without NUL bytes.</summary>
    private static SniffedFile? Text(Stream file, string fileName)
    {
        if (!ExtensionTypes.TryGetValue(Path.GetExtension(fileName), out var type) || !type.StartsWith("text/", StringComparison.Ordinal))
        {
            return null;
        }

        file.Position = 0;
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 4];
        try
        {
            int read;
            while ((read = file.Read(bytes)) > 0)
            {
                if (bytes.AsSpan(0, read).Contains((byte)0))
                {
                    return null;
                }

                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        return new SniffedFile(type);
    }

    private static int Side(uint value) => value > int.MaxValue ? int.MaxValue : (int)value;

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);

    private static StudyRoomsException NotAllowed(string reason) => new(ErrorCodes.FileTypeNotAllowed, reason);
}
