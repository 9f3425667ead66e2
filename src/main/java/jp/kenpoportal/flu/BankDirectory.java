package jp.kenpoportal.flu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * 金融機関コード and 支店コード to choose an account from. The shipped list
 * ({@code flu/banks-sample.csv}) is a small SAMPLE of real banks, documented as such; production
 * replaces the file with the complete list.
 */
@Component
public class BankDirectory {

	/** A bank or a branch: code, name, and the name in 全銀 カナ. */
	public record Entry(String code, String name, String kana) {
	}

	/** A bank and its branches. */
	public record Bank(Entry bank, List<Entry> branches) {
	}

	private final Map<String, Bank> banks;

	BankDirectory() {
		this.banks = load("flu/banks-sample.csv");
	}

	public List<Bank> banks() {
		return List.copyOf(banks.values());
	}

	public Optional<Bank> bank(String code) {
		return Optional.ofNullable(code == null ? null : banks.get(code));
	}

	public Optional<Entry> branch(String bankCode, String branchCode) {
		return bank(bankCode).flatMap(b -> b.branches().stream().filter(e -> e.code().equals(branchCode)).findFirst());
	}

	/** The bank's name as people write it (for pages), or the code when the list does not have it. */
	public String bankName(String bankCode) {
		return bank(bankCode).map(b -> b.bank().name()).orElse(bankCode);
	}

	/** The branch's name as people write it (for pages), or the code when the list does not have it. */
	public String branchName(String bankCode, String branchCode) {
		return branch(bankCode, branchCode).map(Entry::name).orElse(branchCode);
	}

	private static Map<String, Bank> load(String path) {
		Map<String, Entry> bankRows = new LinkedHashMap<>();
		Map<String, List<Entry>> branches = new LinkedHashMap<>();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split(",", -1);
				if (f[1].isEmpty()) {
					bankRows.put(f[0], new Entry(f[0], f[2], f[3]));
				}
				else {
					branches.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Entry(f[1], f[2], f[3]));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Map<String, Bank> result = new LinkedHashMap<>();
		bankRows.forEach((code, bank) -> result.put(code, new Bank(bank, List.copyOf(branches.getOrDefault(code, List.of())))));
		return result;
	}
}
