package jp.kenpoportal.admin.management;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.common.ConsoleHost;
import jp.kenpoportal.common.EmailAddress;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.tenant.InsurerNumber;
import jp.kenpoportal.tenant.KenpoDirectory;

/**
 * A new kenpo as the operator typed it, with its first 管理者; checks give a message key per
 * field (Japanese on the page), and every value is normalised once (全角 digits, spaces).
 */
public record KenpoForm(String code, String name, String host, String insurerNumber, String symbolDigits,
		String numberDigits, String contactEmail, String contactPhone, String adminUserId, String adminName,
		String adminEmail) {

	public KenpoForm {
		code = blankIfNull(code);
		name = blankIfNull(name);
		host = blankIfNull(host);
		insurerNumber = blankIfNull(insurerNumber);
		symbolDigits = blankIfNull(symbolDigits);
		numberDigits = blankIfNull(numberDigits);
		contactEmail = blankIfNull(contactEmail);
		contactPhone = blankIfNull(contactPhone);
		adminUserId = blankIfNull(adminUserId);
		adminName = blankIfNull(adminName);
		adminEmail = blankIfNull(adminEmail);
	}

	static KenpoForm empty() {
		return new KenpoForm("", "", "", "", "2", "4", "", "", "", "", "");
	}

	String normalizedCode() {
		return TypedInput.text(code).toLowerCase(Locale.ROOT);
	}

	String normalizedName() {
		return TypedInput.text(name);
	}

	String normalizedHost() {
		return TypedInput.text(host).toLowerCase(Locale.ROOT);
	}

	String normalizedInsurerNumber() {
		return TypedInput.digits(insurerNumber);
	}

	int symbols() {
		return digitsCount(symbolDigits);
	}

	int numbers() {
		return digitsCount(numberDigits);
	}

	String normalizedContactEmail() {
		return TypedInput.email(contactEmail);
	}

	String normalizedContactPhone() {
		String phone = TypedInput.text(contactPhone);
		return phone.isEmpty() ? null : phone;
	}

	StaffInvitationForm admin() {
		return new StaffInvitationForm(adminUserId, adminName, adminEmail, StaffRole.ADMIN.name());
	}

	Map<String, String> errors(KenpoDirectory kenpos, StaffAccounts staff, ConsoleHost console) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (!normalizedCode().matches("[a-z][a-z0-9-]{1,19}")) {
			errors.put("code", "console.kenpoForm.error.code");
		}
		else if (kenpos.findByCode(normalizedCode()).isPresent()) {
			errors.put("code", "console.kenpoForm.error.codeTaken");
		}
		if (normalizedName().isEmpty() || normalizedName().length() > 100) {
			errors.put("name", "console.kenpoForm.error.name");
		}
		String h = normalizedHost();
		if (!h.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+") || h.length() > 253) {
			errors.put("host", "console.kenpoForm.error.host");
		}
		else if (h.equals(console.host()) || kenpos.findByHost(h).isPresent()) {
			errors.put("host", "console.kenpoForm.error.hostTaken");
		}
		if (!InsurerNumber.isValid(normalizedInsurerNumber())) {
			errors.put("insurerNumber", "console.kenpoForm.error.insurerNumber");
		}
		if (symbols() < 1 || symbols() > 8) {
			errors.put("symbolDigits", "console.kenpoForm.error.symbolDigits");
		}
		if (numbers() < 1 || numbers() > 10) {
			errors.put("numberDigits", "console.kenpoForm.error.numberDigits");
		}
		if (!EmailAddress.isValid(normalizedContactEmail())) {
			errors.put("contactEmail", "console.kenpoForm.error.contactEmail");
		}
		if (normalizedContactPhone() != null && !normalizedContactPhone().matches("[0-9()+\\- ]{6,20}")) {
			errors.put("contactPhone", "console.kenpoForm.error.contactPhone");
		}
		admin().errors(StaffRole.OPERATOR, staff)
			.forEach((field, key) -> errors.put("admin" + Character.toUpperCase(field.charAt(0)) + field.substring(1), key));
		return errors;
	}

	private static int digitsCount(String typed) {
		String digits = TypedInput.digits(typed);
		return digits.matches("[0-9]{1,2}") ? Integer.parseInt(digits) : -1;
	}

	private static String blankIfNull(String s) {
		return s == null ? "" : s;
	}
}
