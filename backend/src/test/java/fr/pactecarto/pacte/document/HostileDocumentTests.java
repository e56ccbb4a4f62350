package fr.pactecarto.pacte.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Files built to hurt are refused quickly and with bounded memory, with a message saying what is wrong: each
 * case must fail within a second and allocate less than a few times the size limit (measured per thread).
 */
class HostileDocumentTests {

	private static final long MB = 1024 * 1024;

	final PacteDocumentReader reader = new PacteDocumentReader(DocumentLimits.defaults());

	@TempDir
	Path directory;

	@Test
	void aYamlAliasBombIsRefused() {
		StringBuilder bomb = new StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
		for (char c = 'b'; c <= 'j'; c++) {
			bomb.append(c).append(": &").append(c).append(" [");
			for (int i = 0; i < 9; i++) {
				bomb.append((i > 0) ? ", " : "").append('*').append((char) (c - 1));
			}
			bomb.append("]\n");
		}
		assertRefused(() -> read("bomb.yaml", bomb.toString().getBytes(StandardCharsets.UTF_8)), 10 * MB,
				"bomb.yaml: YAML aliases (*name) of mappings or lists are not allowed "
						+ "(pacte.documents.max-collection-aliases=0): write the content out");
	}

	@Test
	void tenThousandLevelsOfNestingAreRefused() {
		String yaml = "[".repeat(10_000) + "]".repeat(10_000);
		assertRefused(() -> read("deep.yaml", yaml.getBytes(StandardCharsets.UTF_8)), 10 * MB,
				"deep.yaml: nested deeper than 32 levels (pacte.documents.max-depth)");
		StringBuilder indented = new StringBuilder();
		for (int i = 0; i < 10_000; i++) {
			indented.append(" ".repeat(i % 100)).append("a:\n");
		}
		assertRefused(() -> read("indented.yaml", indented.toString().getBytes(StandardCharsets.UTF_8)), 10 * MB,
				"indented.yaml: nested deeper than 32 levels (pacte.documents.max-depth)");
		assertRefused(() -> read("deep.json", yaml.getBytes(StandardCharsets.UTF_8)), 10 * MB,
				"deep.json: nested deeper than 32 levels (pacte.documents.max-depth)");
	}

	@Test
	void a300MegabyteFileIsRefusedBeforeParsing() throws IOException {
		Path file = this.directory.resolve("huge.yaml");
		byte[] line = ("note: " + "x".repeat(1017) + "\n").getBytes(StandardCharsets.UTF_8);
		try (OutputStream out = Files.newOutputStream(file)) {
			for (int i = 0; i < 300 * 1024; i++) {
				out.write(line);
			}
		}
		assertThat(Files.size(file)).isEqualTo(300 * MB);
		assertRefused(() -> this.reader.read(file), MB,
				file + ": larger than 5 MB (pacte.documents.max-size): refused before parsing");
		// A stream has no size: it is read up to the limit, not further.
		CountingStream stream = new CountingStream(300 * MB);
		assertRefused(() -> this.reader.read("huge.yaml", stream), 20 * MB,
				"huge.yaml: larger than 5 MB (pacte.documents.max-size): refused before parsing");
		assertThat(stream.read).isEqualTo(5 * MB + 1);
	}

	@Test
	void aLatin1FileIsRefusedWithTheOffsetOfItsFirstWrongByte() {
		byte[] latin1 = "format: pacte-carto/1\ntitle: Région\n".getBytes(Charset.forName("ISO-8859-1"));
		assertRefused(() -> read("latin1.yaml", latin1), 10 * MB, "latin1.yaml:2: not UTF-8: byte 0xE9 at offset 30 is "
				+ "not valid UTF-8 (Latin-1 or Windows-1252?): save the file as UTF-8");
	}

	@Test
	void utf16FilesAreRefused() {
		byte[] withBom = "title: Région\n".getBytes(StandardCharsets.UTF_16);
		assertRefused(() -> read("utf16.yaml", withBom), 10 * MB,
				"utf16.yaml: the file is UTF-16 (byte order mark at offset 0): save it as UTF-8");
		byte[] withoutBom = "title: Région\n".getBytes(StandardCharsets.UTF_16LE);
		assertRefused(() -> read("utf16le.yaml", withoutBom), 10 * MB,
				"utf16le.yaml:1: the file looks like UTF-16 (NUL byte at offset 1): save it as UTF-8");
	}

	@Test
	void aBinaryFileIsRefused() {
		byte[] binary = new byte[4096];
		new Random(9).nextBytes(binary);
		binary[0] = 'P';
		binary[1] = 'K';
		binary[2] = 3;
		binary[3] = 4;
		binary[4] = 0;
		assertRefused(() -> read("archive.yaml", binary), 10 * MB, "archive.yaml:1: not a text file: NUL byte at offset 4");
	}

	@Test
	void anEmptyFileIsRefused() {
		assertRefused(() -> read("empty.yaml", new byte[0]), MB, "empty.yaml: the file is empty");
		assertRefused(() -> read("blank.yaml", "# only a comment\n\n".getBytes(StandardCharsets.UTF_8)), 10 * MB,
				"blank.yaml: the file is empty (no YAML document in it)");
		assertRefused(() -> read("empty.json", " \n".getBytes(StandardCharsets.UTF_8)), 10 * MB,
				"empty.json: the file is empty (no JSON value in it)");
	}

	@Test
	void aDocumentWithTooManyCharactersIsRefused() {
		PacteDocumentReader small = new PacteDocumentReader(new DocumentLimits(5 * MB, 1000, 32, 0, 100));
		byte[] text = ("title: " + "é".repeat(1000) + "\n").getBytes(StandardCharsets.UTF_8);
		assertRefused(() -> small.read("long.yaml", new ByteArrayInputStream(text)), 10 * MB,
				"long.yaml: more than 1000 characters (pacte.documents.max-code-points): refused");
	}

	@Test
	void aTopLevelListOrScalarIsRefused() {
		assertRefused(() -> read("list.yaml", "- a\n- b\n".getBytes(StandardCharsets.UTF_8)), 10 * MB,
				"list.yaml:1: must be a mapping (key: value…), found a list");
		assertRefused(() -> read("text.yaml", "just text\n".getBytes(StandardCharsets.UTF_8)), 10 * MB,
				"text.yaml:1: must be a mapping (key: value…), found a string");
	}

	private ReadDocument read(String name, byte[] bytes) {
		return this.reader.read(name, new ByteArrayInputStream(bytes));
	}

	/** Refused with exactly this one error, within a second, allocating at most {@code maxAllocated} bytes. */
	private static void assertRefused(Supplier<ReadDocument> read, long maxAllocated, String error) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
		long start = System.nanoTime();
		assertThatExceptionOfType(PacteDocumentException.class).isThrownBy(read::get)
			.satisfies(ex -> assertThat(ex.errors()).extracting(DocumentProblem::toString).containsExactly(error));
		long elapsed = (System.nanoTime() - start) / 1_000_000;
		long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		System.out.printf("refused in %d ms, %.1f MB allocated: %s%n", elapsed, allocated / (double) MB, error);
		assertThat(elapsed).as("time to refuse (ms)").isLessThan(1000);
		assertThat(allocated).as("bytes allocated").isLessThan(maxAllocated);
	}

	/** {@code size} bytes of "x", made up as they are read: a stream far larger than the memory it uses. */
	private static final class CountingStream extends InputStream {

		private final long size;

		long read;

		CountingStream(long size) {
			this.size = size;
		}

		@Override
		public int read() {
			if (this.read >= this.size) {
				return -1;
			}
			this.read++;
			return 'x';
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.read >= this.size) {
				return -1;
			}
			int n = (int) Math.min(length, this.size - this.read);
			Arrays.fill(buffer, offset, offset + n, (byte) 'x');
			this.read += n;
			return n;
		}

	}

}
