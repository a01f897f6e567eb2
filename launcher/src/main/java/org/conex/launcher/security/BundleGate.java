package org.conex.launcher.security;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Enforces an {@link AllowList} inside Felix: a bundle revision that is not allowed is removed from
 * every resolution by a {@link ResolverHook}, so it stays {@code INSTALLED}: it never resolves, no
 * class of it is loaded, its activator and components never run, it provides nothing to others.
 *
 * <p>Each revision is judged once, when it is installed or updated (a synchronous bundle listener,
 * so the refusal is logged at once) or, at the latest, when the resolver first sees it. The bytes
 * judged are those of the jar at the bundle's location, but only if the framework's copy has
 * exactly the same entries: FileInstall updates a bundle that has the symbolic name and version
 * of a dropped jar from that jar while its location stays the old one, so the jars of the deploy
 * folder are tried too, and a revision whose bytes are found nowhere is refused. Built-in bundles
 * (installed by the launcher from {@code bundle/}) are allowed, and so is any jar with the same
 * SHA-256 as one of them.
 */
public final class BundleGate implements SynchronousBundleListener, ResolverHookFactory {
    private final AllowList list;
    private final Path deploy;
    private final Consumer<String> refusals;
    private final Consumer<String> approvals;
    private final Set<String> builtIn = new HashSet<>();
    private final Map<BundleRevision, Verdict> verdicts = new WeakHashMap<>();

    /**
     * @param list      the allowlist
     * @param deploy    the hot-install folder whose jars are candidate sources of an update
     * @param refusals  receives the log line of each refused revision (the launcher: an SLF4J warning)
     * @param approvals receives the log line of each allowed, non-built-in revision
     */
    public BundleGate(AllowList list, Path deploy, Consumer<String> refusals, Consumer<String> approvals) {
        this.list = list;
        this.deploy = deploy;
        this.refusals = refusals;
        this.approvals = approvals;
    }

    /**
     * Marks {@code bundle}, just installed by the launcher from {@code jar} in {@code bundle/}, as
     * built in: its revision is allowed, as is any later install of the same bytes.
     */
    public synchronized void builtIn(Bundle bundle, Path jar) throws IOException {
        String sha = AllowList.sha256(Files.readAllBytes(jar));
        builtIn.add(sha);
        verdicts.put(bundle.adapt(BundleRevision.class), new Verdict(true, jar.toString(), sha, "built in (bundle/)"));
    }

    /**
     * Starts enforcing in the framework of {@code systemContext}: registers the resolver hook and
     * the bundle listener and judges the bundles already installed (from a persistent cache).
     * Call after {@code Framework.init()} and before {@code start()}.
     */
    public void register(BundleContext systemContext) {
        systemContext.registerService(ResolverHookFactory.class, this, null);
        systemContext.addBundleListener(this);
        for (Bundle b : systemContext.getBundles()) {
            verdict(b.adapt(BundleRevision.class));
        }
    }

    /** The decision about the current revision of {@code bundle}, judging it now if needed. */
    public Optional<Verdict> verdict(Bundle bundle) {
        BundleRevision r = bundle.adapt(BundleRevision.class);
        return r == null ? Optional.empty() : Optional.of(verdict(r));
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.INSTALLED || event.getType() == BundleEvent.UPDATED) {
            verdict(event.getBundle().adapt(BundleRevision.class));
        }
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                candidates.removeIf(r -> !verdict(r).allowed());
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton,
                    Collection<BundleCapability> collisionCandidates) {
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
            }

            @Override
            public void end() {
            }
        };
    }

    private Verdict verdict(BundleRevision revision) {
        Verdict v;
        synchronized (this) {
            v = verdicts.get(revision);
        }
        if (v != null) {
            return v;
        }
        v = judge(revision);
        synchronized (this) {
            Verdict earlier = verdicts.putIfAbsent(revision, v);
            if (earlier != null) {
                return earlier;
            }
        }
        if (!v.allowed()) {
            refusals.accept(v.message());
        } else if (revision.getBundle().getBundleId() != 0) {
            approvals.accept(v.message());
        }
        return v;
    }

    private Verdict judge(BundleRevision revision) {
        Bundle bundle = revision.getBundle();
        if (bundle.getBundleId() == 0) {
            return new Verdict(true, Constants.SYSTEM_BUNDLE_LOCATION, "", "the framework");
        }
        String location = bundle.getLocation();
        // BundleContent reads the bundle's entries, i.e. its CURRENT revision, which an update may
        // have replaced by now: judge only a revision that is current before and after its entries
        // are read (revisions are never reused, so it was current throughout and the bytes read
        // were its own). A stale one is refused: it is not the bundle's code any more, and refusing
        // a revision whose bytes were not checked is the safe answer.
        if (!current(revision)) {
            return stale(location);
        }
        for (Path candidate : candidates(location)) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(candidate);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            if (BundleContent.matches(bundle, bytes)) {
                if (!current(revision)) {
                    return stale(location);
                }
                String sha = AllowList.sha256(bytes);
                synchronized (this) {
                    if (builtIn.contains(sha)) {
                        return new Verdict(true, candidate.toString(), sha, "same bytes as a built-in bundle");
                    }
                }
                return list.check(candidate.toString(), bytes);
            }
        }
        return new Verdict(false, location, "", "its content is not the jar at its location nor any jar in "
                + deploy + ", so its checksum cannot be checked");
    }

    private static boolean current(BundleRevision revision) {
        return revision == revision.getBundle().adapt(BundleRevision.class);
    }

    private static Verdict stale(String location) {
        return new Verdict(false, location, "", "the bundle was updated while this revision was being checked,"
                + " so its bytes cannot be checked");
    }

    /** The file at {@code location}, then the deploy folder's jars. */
    private List<Path> candidates(String location) {
        List<Path> out = new ArrayList<>();
        try {
            URI uri = URI.create(location);
            if ("file".equals(uri.getScheme())) {
                out.add(Path.of(uri));
            }
        } catch (IllegalArgumentException e) {
            // not a file: URI; only the deploy folder can hold its bytes
        }
        if (Files.isDirectory(deploy)) {
            try (Stream<Path> s = Files.list(deploy)) {
                s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted()
                        .filter(p -> !out.contains(p)).forEach(out::add);
            } catch (IOException e) {
                // an unreadable deploy folder offers no candidates
            }
        }
        return out;
    }
}
