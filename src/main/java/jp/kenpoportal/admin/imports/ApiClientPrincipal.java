package jp.kenpoportal.admin.imports;

import java.io.Serializable;

/** The import API client a request authenticated as, and its kenpo (the only kenpo it may touch). */
record ApiClientPrincipal(long id, long kenpoId, String clientId) implements Serializable {
}
