package fr.pactecarto.pacte.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The text of a document: its bytes read up to the size limit (never more, whatever the stream holds), then
 * decoded as strict UTF-8. A file that is empty, binary, UTF-16/32 or in another encoding is refused here,
 * with the byte offset of what is wrong, before any parser sees it.
 */
final class DocumentText {

	private DocumentText() {
	}

	static String read(InputStream in, DocumentLimits limits, Problems problems) {
		byte[] bytes = readBounded(in, limits.maxBytes(), problems);
		if (bytes.length == 0) {
			throw problems.fatal("", 0, "the file is empty");
		}
		int start = 0;
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			start = 3; // a UTF-8 byte order mark is harmless
		}
		else if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
			throw problems.fatal("", 0, "the file is UTF-32 (byte order mark at offset 0): save it as UTF-8");
		}
		else if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
			throw problems.fatal("", 0, "the file is UTF-16 (byte order mark at offset 0): save it as UTF-8");
		}
		for (int i = start; i < bytes.length; i++) {
			if (bytes[i] == 0) {
				boolean utf16 = bytes.length > 1 && (bytes[0] == 0 || bytes[1] == 0);
				throw problems.fatal("", lineAt(bytes, i), utf16
						? "the file looks like UTF-16 (NUL byte at offset " + i + "): save it as UTF-8"
						: "not a text file: NUL byte at offset " + i);
			}
		}
		return decode(bytes, start, limits, problems);
	}

	private static byte[] readBounded(InputStream in, long maxBytes, Problems problems) {
		byte[] buffer = new byte[(int) Math.min(maxBytes + 1, 1 << 16)];
		int length = 0;
		try {
			while (true) {
				if (length == buffer.length) {
					if (length > maxBytes) {
						throw problems.fatal("", 0, "larger than " + size(maxBytes)
								+ " (pacte.documents.max-size): refused before parsing");
					}
					buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes + 1, (long) buffer.length * 2));
				}
				int read = in.read(buffer, length, buffer.length - length);
				if (read < 0) {
					break;
				}
				length += read;
			}
		}
		catch (IOException ex) {
			throw problems.fatal("", 0, "cannot be read (" + ex.getMessage() + ")");
		}
		if (length > maxBytes) {
			throw problems.fatal("", 0, "larger than " + size(maxBytes) + " (pacte.documents.max-size): refused before parsing");
		}
		return Arrays.copyOf(buffer, length);
	}

	static String size(long bytes) {
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MB";
		}
		return (bytes % 1024 == 0) ? (bytes / 1024) + " KB" : bytes + " bytes";
	}

	private static String decode(byte[] bytes, int start, DocumentLimits limits, Problems problems) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
		CharBuffer out = CharBuffer.allocate(bytes.length - start);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			int offset = in.position();
			throw problems.fatal("", lineAt(bytes, offset), String.format(Locale.ROOT,
					"not UTF-8: byte 0x%02X at offset %d is not valid UTF-8 (Latin-1 or Windows-1252?): save the file as UTF-8",
					bytes[offset] & 0xFF, offset));
		}
		try {
			result = decoder.flush(out);
			if (result.isError()) {
				result.throwException();
			}
		}
		catch (CharacterCodingException ex) {
			throw problems.fatal("", 0, "not UTF-8: the file ends inside a character: save it as UTF-8");
		}
		out.flip();
		String text = out.toString();
		long codePoints = text.codePointCount(0, text.length());
		if (codePoints > limits.maxCodePoints()) {
			throw problems.fatal("", 0, "more than " + limits.maxCodePoints()
					+ " characters (pacte.documents.max-code-points): refused");
		}
		return text;
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int lineAt(byte[] bytes, int offset) {
		int line = 1;
		for (int i = 0; i < offset && i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

}
