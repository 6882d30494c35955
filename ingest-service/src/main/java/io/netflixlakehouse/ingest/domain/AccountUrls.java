package io.netflixlakehouse.ingest.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The url rules of one storage account: which urls belong to it, and which blob of which allowed
 * container a url names. The url's scheme, host and port must be the account's, its path must lie
 * under the account's path (Azurite: {@code /devstoreaccount1}), then a configured container, then a
 * blob name. Refused, never fetched: user info, a query or fragment, an encoded dot, backslash or
 * percent, a {@code .}, {@code ..} or empty segment of the decoded path.
 */
public final class AccountUrls {

    /** Encoded dot, backslash and percent. An encoded slash is allowed (the SDK encodes a blob name's slashes); the decoded path is checked. */
    private static final List<String> ENCODED_FORBIDDEN = List.of("%2e", "%5c", "%25");

    private final URI account;
    private final String accountPath;
    private final Set<String> containers;

    /**
     * @param accountUrl e.g. {@code https://acct.blob.core.windows.net} or {@code http://127.0.0.1:10000/devstoreaccount1}
     * @param containers the containers that may be read
     */
    public AccountUrls(String accountUrl, Set<String> containers) {
        this.account = URI.create(accountUrl);
        String path = account.getPath() == null ? "" : account.getPath();
        this.accountPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.containers = new TreeSet<>(containers);
    }

    /** The account url without a trailing slash. */
    public String accountUrl() {
        return account.getScheme() + "://" + account.getRawAuthority() + accountPath;
    }

    public Set<String> containers() {
        return containers;
    }

    /** The url of a blob of this account (names are percent-encoded per segment). */
    public String blobUrl(String container, String blobName) {
        StringBuilder url = new StringBuilder(accountUrl()).append('/').append(container);
        for (String segment : blobName.split("/", -1)) {
            url.append('/').append(encodeSegment(segment));
        }
        return url.toString();
    }

    /** What a url names. */
    public sealed interface Match {
    }

    /** A blob of an allowed container. */
    public record Blob(String container, String name) implements Match {
    }

    /** Refused with reason URL_NOT_ALLOWED. */
    public record Refused(Failure why) implements Match {
    }

    /** Whether the url is on this account (scheme, host, port and account path), whatever its container. */
    public boolean claims(String url) {
        URI uri = parse(url);
        return uri != null && sameAccount(uri);
    }

    public Match match(String url) {
        if (url == null || url.isBlank()) {
            return refused("(no url)");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        for (String encoded : ENCODED_FORBIDDEN) {
            if (lower.contains(encoded)) {
                return refused("(encoded " + encoded + " in the url)");
            }
        }
        if (url.indexOf('\\') >= 0) {
            return refused("(backslash in the url)");
        }
        URI uri = parse(url);
        if (uri == null) {
            return refused("(not a URI)");
        }
        if (!sameAccount(uri)) {
            return refused("(not on storage account " + accountUrl() + ")");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return refused("(user info, query or fragment in the url)");
        }
        String rest = uri.getPath().substring(accountPath.length());
        if (!rest.startsWith("/")) {
            return refused("(no container)");
        }
        String[] segments = rest.substring(1).split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return refused("(path contains an empty, . or .. segment)");
            }
        }
        if (segments.length < 2) {
            return refused("(no blob name)");
        }
        String container = segments[0];
        if (!containers.contains(container)) {
            return refused("(container " + container + " is not configured)");
        }
        return new Blob(container, rest.substring(1 + container.length() + 1));
    }

    private boolean sameAccount(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null || uri.getPath() == null) {
            return false;
        }
        return uri.getScheme().equalsIgnoreCase(account.getScheme())
                && uri.getHost().equalsIgnoreCase(account.getHost())
                && port(uri) == port(account)
                && uri.getPath().startsWith(accountPath + "/");
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static URI parse(String url) {
        try {
            return url == null ? null : new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String encodeSegment(String segment) {
        try {
            return new URI(null, null, "/" + segment, null).getRawPath().substring(1);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a blob name segment: " + segment, e);
        }
    }

    private static Refused refused(String detail) {
        return new Refused(new Failure(Reason.URL_NOT_ALLOWED, detail));
    }
}
