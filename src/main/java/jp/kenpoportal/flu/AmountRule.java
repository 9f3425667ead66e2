package jp.kenpoportal.flu;

/**
 * How a season's subsidy is computed per person (DOMAIN.md §5): up to a cap, the actual cost
 * when lower (大和, NEC, 卸 …), or the cost minus a fixed self-pay, the cap as maximum (KS, 帝石).
 */
public enum AmountRule {

	CAP, COST_MINUS_SELF_PAY;

	public String messageKey() {
		return "flu.amountRule." + name();
	}
}
