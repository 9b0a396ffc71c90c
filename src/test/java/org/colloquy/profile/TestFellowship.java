package org.colloquy.profile;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Test-only: stands in for the workgroup context (issue 11), which will implement
 * {@link WorkgroupFellowship}; a test declares which members share a workgroup.
 */
@ApplicationScoped
public class TestFellowship implements WorkgroupFellowship {

    private final Set<String> pairs = ConcurrentHashMap.newKeySet();

    public void declare(long member, long other) {
        pairs.add(Math.min(member, other) + "-" + Math.max(member, other));
    }

    @Override
    public boolean shareAWorkgroup(long member, long other) {
        return pairs.contains(Math.min(member, other) + "-" + Math.max(member, other));
    }
}
