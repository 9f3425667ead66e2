package jp.kenpoportal.tenant;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds kenpo and their terms; the tenant module's API. */
public interface KenpoDirectory {

	Optional<Kenpo> findByHost(String host);

	Optional<Kenpo> findById(long id);

	Optional<Kenpo> findByCode(String code);

	List<Kenpo> findAll();

	/** The newest version of the kenpo's terms already in effect (by the injected clock). */
	Optional<Terms> currentTerms(long kenpoId);

	/** Every version of the kenpo's terms, newest first, including those not yet in effect. */
	List<Terms> termsVersions(long kenpoId);

	/** Registers a kenpo (used by seeding and, later, the operator console). */
	Kenpo create(NewKenpo kenpo);

	/** Adds a link tile to a service the kenpo runs elsewhere, after the existing ones. */
	void addLink(long kenpoId, ExternalLink link);

	/** Publishes a new version of the terms in effect now; members accept it at their next sign-in. */
	Terms publishTerms(long kenpoId, String title, String body);

	/**
	 * Publishes a new version of the terms that takes effect at {@code effectiveAt} (not before
	 * now): until then members keep the version before it; from then on they accept it at their
	 * next sign-in.
	 */
	Terms publishTerms(long kenpoId, String title, String body, java.time.Instant effectiveAt);

	/** The settings the console changes, with those that are not part of {@link Kenpo}. */
	Optional<KenpoSettings> settings(long kenpoId);

	/** Replaces the kenpo's console settings at once; shows at once on this node. */
	void updateSettings(long kenpoId, KenpoSettings settings);

	/**
	 * Sets the second factors the kenpo allows. Members who already use one that is no longer
	 * allowed keep signing in with it until they switch; nobody enrols it anew.
	 */
	void allowFactors(long kenpoId, Set<SecondFactor> factors);

	/**
	 * Sets how many months after the insured's 資格喪失日 an account keeps signing in (0: none);
	 * after that, sign-in ends with a message naming the kenpo's contact.
	 */
	void keepAccessAfterLoss(long kenpoId, int months);

	/**
	 * Stops the kenpo's portal: its host answers with a page naming its contact, its staff
	 * cannot sign in; nothing is deleted. Other nodes follow within their cache time (30 s).
	 */
	void disable(long kenpoId);

	/** Whether the operator stopped the kenpo (or it does not exist): one primary-key lookup, for every console request. */
	boolean stopped(long kenpoId);

	/** Lets a stopped kenpo's members and staff in again. */
	void enable(long kenpoId);
}
