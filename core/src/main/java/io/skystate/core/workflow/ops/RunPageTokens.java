package io.skystate.core.workflow.ops;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.InvalidTokenException;
import io.skystate.api.KeyRing;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunStatus;
import io.skystate.core.crypto.TokenSigner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The page tokens of {@link io.skystate.api.workflow.Workflows#runs}: an engine's position in its listing (a store
 * cursor, a start time and instance id) bound to the query's criteria (workflow, statuses, start range; not the page
 * size) and signed with a key derived from the instance's key ring ({@link TokenSigner}, prefix {@code runs}). A
 * garbled or forged token, or one issued for other criteria, is an {@link InvalidRequestException}, so an engine never
 * resumes at a position it did not hand out. Tokens stay valid while their signing key is in the ring. Thread-safe.
 */
public final class RunPageTokens {
    private static final String PREFIX = "runs";

    private final TokenSigner signer;
    private final String provider;

    public RunPageTokens(KeyRing keys, String provider) {
        this.signer = new TokenSigner(PREFIX, keys, provider);
        this.provider = provider;
    }

    /** A token for the page after {@code position} of {@code query}'s listing. */
    public String issue(RunQuery query, String position) {
        return signer.sign((criteria(query) + "\n" + position).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position {@code query}'s page token names, or empty when it has none (the first page);
     * {@link InvalidRequestException} for a token not issued by {@link #issue} for the same criteria.
     */
    public Optional<String> position(RunQuery query) {
        if (query.pageToken().isEmpty()) {
            return Optional.empty();
        }
        String payload;
        try {
            payload = new String(signer.verify(query.pageToken().get()), StandardCharsets.UTF_8);
        } catch (InvalidTokenException e) {
            throw new InvalidRequestException(provider, "the page token was not issued by this engine (garbled or"
                    + " forged): pass nextPageToken back unchanged", e);
        }
        int newline = payload.indexOf('\n');
        if (newline < 0 || !payload.substring(0, newline).equals(criteria(query))) {
            throw new InvalidRequestException(provider, "the page token was issued for a query with another workflow,"
                    + " statuses or start range: keep the criteria while paging");
        }
        return Optional.of(payload.substring(newline + 1));
    }

    /** A digest of the criteria a token is bound to. */
    private static String criteria(RunQuery query) {
        String text = "w=" + query.workflow().map(w -> "+" + w).orElse("-")
                + ";s=" + query.statuses().stream().map(RunStatus::name).sorted().collect(Collectors.joining(","))
                + ";f=" + query.startedFrom().map(Object::toString).orElse("-")
                + ";b=" + query.startedBefore().map(Object::toString).orElse("-");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
