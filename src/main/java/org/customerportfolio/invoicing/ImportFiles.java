package org.customerportfolio.invoicing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps uploaded import files until they are imported: under the data directory, named by
 * a random token, never by the name the user's file had (so no name can reach outside the
 * folder).
 */
@Component
public class ImportFiles {

	private static final Pattern TOKEN = Pattern.compile("[0-9a-f-]{36}");

	private final Path folder;

	ImportFiles(@Value("${portfolio.data-dir:./data}") String dataDir) {
		this.folder = Path.of(dataDir, "imports").toAbsolutePath().normalize();
	}

	/** Stores an upload; answers its token. */
	public String store(InputStream content) {
		return store(content, "upload");
	}

	/** Stores an upload with the name the user knows it by; answers its token. */
	public String store(InputStream content, String name) {
		return store(content, name, "");
	}

	/** Stores an upload that only its owner may go on with; answers its token. */
	public String store(InputStream content, String name, String owner) {
		String token = UUID.randomUUID().toString();
		try {
			Files.createDirectories(this.folder);
			Files.copy(content, this.folder.resolve(token), StandardCopyOption.REPLACE_EXISTING);
			Files.writeString(this.folder.resolve(token + ".name"), name.replaceAll("[\\r\\n]", " "));
			Files.writeString(this.folder.resolve(token + ".owner"), owner);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return token;
	}

	/** The upload, when it exists and belongs to this user. */
	public Optional<Path> find(String token, String owner) {
		return find(token).filter((path) -> {
			try {
				return Files.readString(path.resolveSibling(token + ".owner")).equals(owner);
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	public Optional<Path> find(String token) {
		if (!TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		Path path = this.folder.resolve(token);
		return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
	}

	/** The name the file had when it was uploaded. */
	public String name(String token) {
		return find(token).map((path) -> {
			try {
				return Files.readString(path.resolveSibling(token + ".name"));
			}
			catch (IOException ex) {
				return "upload";
			}
		}).orElse("upload");
	}

	public void delete(String token) {
		find(token).ifPresent((path) -> {
			try {
				Files.deleteIfExists(path);
				Files.deleteIfExists(path.resolveSibling(token + ".name"));
				Files.deleteIfExists(path.resolveSibling(token + ".owner"));
			}
			catch (IOException ex) {
				// a leftover file is harmless; it is never read again
			}
		});
	}

}
