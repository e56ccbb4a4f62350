package fr.pactecarto.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.util.RawValue;

/**
 * JSON text already written, kept as its UTF-8 bytes: wrapped in a {@link RawValue}, Jackson copies the bytes
 * into the response as they are, with no decoding to a {@link String} and back (a cached answer of a
 * department's communes is half a megabyte). The bytes are never modified once given here. The quoted forms
 * (the text as a JSON string) are those of {@link SerializedString}.
 */
record JsonBytes(byte[] utf8) implements SerializableString {

	RawValue raw() {
		return new RawValue(this);
	}

	@Override
	public String getValue() {
		return new String(this.utf8, StandardCharsets.UTF_8);
	}

	@Override
	public int charLength() {
		return getValue().length();
	}

	@Override
	public byte[] asUnquotedUTF8() {
		return this.utf8;
	}

	@Override
	public int appendUnquotedUTF8(byte[] buffer, int offset) {
		if (offset + this.utf8.length > buffer.length) {
			return -1;
		}
		System.arraycopy(this.utf8, 0, buffer, offset, this.utf8.length);
		return this.utf8.length;
	}

	@Override
	public int appendUnquoted(char[] buffer, int offset) {
		String value = getValue();
		if (offset + value.length() > buffer.length) {
			return -1;
		}
		value.getChars(0, value.length(), buffer, offset);
		return value.length();
	}

	@Override
	public int writeUnquotedUTF8(OutputStream out) throws IOException {
		out.write(this.utf8);
		return this.utf8.length;
	}

	@Override
	public int putUnquotedUTF8(ByteBuffer buffer) {
		if (buffer.remaining() < this.utf8.length) {
			return -1;
		}
		buffer.put(this.utf8);
		return this.utf8.length;
	}

	@Override
	public char[] asQuotedChars() {
		return quoted().asQuotedChars();
	}

	@Override
	public byte[] asQuotedUTF8() {
		return quoted().asQuotedUTF8();
	}

	@Override
	public int appendQuotedUTF8(byte[] buffer, int offset) {
		return quoted().appendQuotedUTF8(buffer, offset);
	}

	@Override
	public int appendQuoted(char[] buffer, int offset) {
		return quoted().appendQuoted(buffer, offset);
	}

	@Override
	public int writeQuotedUTF8(OutputStream out) throws IOException {
		return quoted().writeQuotedUTF8(out);
	}

	@Override
	public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
		return quoted().putQuotedUTF8(buffer);
	}

	private SerializedString quoted() {
		return new SerializedString(getValue());
	}

}
