package org.servicequality.ledger.command.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A Merkle root over a sequence of hex hashes: pairs are hashed level by level; an odd last node is carried up
 * unchanged. Leaves and inner nodes are prefixed differently, so a leaf can never pose as an inner node.
 */
final class MerkleRoot {

    private MerkleRoot() {
    }

    static String of(List<String> leaves) {
        if (leaves.isEmpty()) {
            return sha256("empty");
        }
        List<String> level = new ArrayList<>(leaves.size());
        for (String leaf : leaves) {
            level.add(sha256("leaf:" + leaf));
        }
        while (level.size() > 1) {
            List<String> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                next.add(i + 1 < level.size() ? sha256("node:" + level.get(i) + level.get(i + 1)) : level.get(i));
            }
            level = next;
        }
        return level.get(0);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
