package io.vigil.domain.fakes;

import io.vigil.domain.finding.FindingRepository.ConcurrentModificationException;
import io.vigil.domain.finding.NotFoundException;
import io.vigil.domain.register.RegisterEvent;
import io.vigil.domain.register.RegisterKind;
import io.vigil.domain.register.RegisterRecord;
import io.vigil.domain.register.RegisterRepository;
import io.vigil.domain.register.SoaVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** In-memory {@link RegisterRepository} for unit tests, with the same rules as the real store. */
public class InMemoryRegisterRepository implements RegisterRepository {

  private final Map<String, RegisterRecord> records = new TreeMap<>();
  private final Map<String, List<RegisterEvent>> histories = new TreeMap<>();
  private final TreeMap<Integer, SoaVersion> soa = new TreeMap<>();
  private final Set<String> notices = new HashSet<>();
  private int writes;

  private static String key(RegisterKind kind, String id) {
    return kind.name() + "#" + id;
  }

  /** Records, versions and notices written so far. */
  public synchronized int writes() {
    return writes;
  }

  @Override
  public synchronized Optional<RegisterRecord> find(RegisterKind kind, String id) {
    return Optional.ofNullable(records.get(key(kind, id)));
  }

  @Override
  public synchronized List<RegisterRecord> list(RegisterKind kind) {
    return records.values().stream().filter(r -> r.kind() == kind).toList();
  }

  @Override
  public synchronized void create(RegisterRecord record, RegisterEvent event) {
    var k = key(record.kind(), record.id());
    if (records.containsKey(k)) {
      throw new IllegalStateException(record.kind().path() + " record " + record.id()
          + " exists");
    }
    records.put(k, new RegisterRecord(record.kind(), record.id(), record.fields(),
        record.system(), record.createdAt(), record.createdBy(), record.updatedAt(),
        record.updatedBy(), 1));
    histories.computeIfAbsent(k, x -> new ArrayList<>()).add(event);
    writes++;
  }

  @Override
  public synchronized RegisterRecord update(RegisterRecord changed, RegisterEvent event) {
    var k = key(changed.kind(), changed.id());
    var stored = records.get(k);
    if (stored == null) {
      throw new NotFoundException("no " + changed.kind().path() + " record " + changed.id());
    }
    if (stored.version() != changed.version()) {
      throw new ConcurrentModificationException("version " + stored.version() + ", not "
          + changed.version());
    }
    var next = new RegisterRecord(changed.kind(), changed.id(), changed.fields(),
        changed.system(), stored.createdAt(), stored.createdBy(), changed.updatedAt(),
        changed.updatedBy(), changed.version() + 1);
    records.put(k, next);
    histories.computeIfAbsent(k, x -> new ArrayList<>()).add(event);
    writes++;
    return next;
  }

  @Override
  public synchronized List<RegisterEvent> history(RegisterKind kind, String id) {
    return List.copyOf(histories.getOrDefault(key(kind, id), List.of()));
  }

  @Override
  public synchronized Optional<SoaVersion> soaVersion(int number) {
    return Optional.ofNullable(soa.get(number));
  }

  @Override
  public synchronized Optional<SoaVersion> latestSoaVersion() {
    return soa.isEmpty() ? Optional.empty() : Optional.of(soa.lastEntry().getValue());
  }

  @Override
  public synchronized void saveSoaVersion(SoaVersion version) {
    if (soa.containsKey(version.number())) {
      throw new IllegalStateException("SoA version " + version.number() + " exists");
    }
    soa.put(version.number(), version);
    writes++;
  }

  @Override
  public synchronized boolean markNotified(String key, LocalDate day) {
    boolean added = notices.add(key + "@" + day);
    if (added) {
      writes++;
    }
    return added;
  }

  @Override
  public synchronized void clearNotified(String key, LocalDate day) {
    if (notices.remove(key + "@" + day)) {
      writes++;
    }
  }
}
