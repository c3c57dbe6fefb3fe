package org.customerportfolio.invoicing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Invoice files as the tests need them, built in code so each test states its data: CSV
 * in a chosen encoding, XLSX written with fastexcel, and files that are not what they
 * claim to be.
 */
final class InvoiceFiles {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	static final Path FOLDER = Path.of("target", "invoice-imports");

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private InvoiceFiles() {
	}

	/** Lines joined with CRLF, as Windows accounting software writes them. */
	static byte[] csv(Charset charset, String... lines) {
		return (String.join("\r\n", lines) + "\r\n").getBytes(charset);
	}

	static byte[] csv(Charset charset, List<String> lines) {
		return csv(charset, lines.toArray(String[]::new));
	}

	/** UTF-8 with a byte order mark, as Excel's "CSV UTF-8" writes it. */
	static byte[] utf8WithBom(String... lines) {
		return concat(UTF8_BOM, csv(StandardCharsets.UTF_8, lines));
	}

	static byte[] utf8Bom() {
		return UTF8_BOM.clone();
	}

	/**
	 * A first worksheet filled by the caller, re-packed with {@code java.util.zip}: the
	 * import's zip check cannot read the ZIP64 data descriptors fastexcel writes (see
	 * {@link #fastexcelXlsx}), and the tests of cell reading should not depend on that.
	 */
	static byte[] xlsx(Consumer<Worksheet> content) {
		return repacked(fastexcelXlsx(content));
	}

	/** A first worksheet filled by the caller, exactly as fastexcel writes it. */
	static byte[] fastexcelXlsx(Consumer<Worksheet> content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "InvoiceImportTests", "1.0");
			Worksheet sheet = workbook.newWorksheet("Facturen");
			content.accept(sheet);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] repacked(byte[] zip) {
		try {
			Files.createDirectories(FOLDER);
			Path original = Files.createTempFile(FOLDER, "fastexcel-", ".xlsx");
			try {
				Files.write(original, zip);
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				try (ZipFile file = new ZipFile(original.toFile());
						ZipOutputStream repacked = new ZipOutputStream(out)) {
					for (ZipEntry entry : Collections.list(file.entries())) {
						repacked.putNextEntry(new ZipEntry(entry.getName()));
						try (InputStream in = file.getInputStream(entry)) {
							in.transferTo(repacked);
						}
						repacked.closeEntry();
					}
				}
				return out.toByteArray();
			}
			finally {
				Files.deleteIfExists(original);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A real PNG image, as if someone renamed a screenshot to .csv. */
	static byte[] png() {
		BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 1, 0xFF8800);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The start of an OLE2 compound document: an old .xls (or an encrypted .xlsx). */
	static byte[] oldExcel() {
		byte[] header = new byte[1024];
		byte[] signature = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		System.arraycopy(signature, 0, header, 0, signature.length);
		header[0x1C] = (byte) 0xFE;
		header[0x1D] = (byte) 0xFF;
		return header;
	}

	/**
	 * A zip posing as XLSX whose worksheet unpacks to {@code megabytes} MB of zeros,
	 * written streaming (never held in memory) and kept in target for the next test.
	 */
	static Path zipBomb(int megabytes) throws IOException {
		Path path = FOLDER.resolve("bomb-" + megabytes + "mb.xlsx");
		if (Files.isRegularFile(path)) {
			return path;
		}
		Files.createDirectories(FOLDER);
		Path partial = FOLDER.resolve("bomb-" + megabytes + "mb.partial");
		try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("""
					<?xml version="1.0" encoding="UTF-8"?>
					<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>
					""".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < megabytes; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING);
		return path;
	}

	static byte[] concat(byte[] first, byte[] second) {
		byte[] all = new byte[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
