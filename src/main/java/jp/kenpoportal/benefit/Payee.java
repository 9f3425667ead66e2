package jp.kenpoportal.benefit;

/** To whom a benefit is paid: through the employer (事業主経由) or to the member's bank account. */
public enum Payee {
	EMPLOYER, MEMBER_ACCOUNT
}
