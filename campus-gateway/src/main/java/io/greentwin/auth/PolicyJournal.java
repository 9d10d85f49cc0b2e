package io.greentwin.auth;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.ditto.base.model.json.FieldType;
import org.eclipse.ditto.base.model.json.JsonSchemaVersion;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.policies.model.PoliciesModelFactory;
import org.eclipse.ditto.policies.model.Policy;
import org.eclipse.ditto.policies.model.PolicyId;

/**
 * The policies in the twin database's {@code twin_policy} table (Flyway {@code V3__policy.sql}):
 * one row per policy with its latest state; a deleted policy keeps a row marked {@code deleted}.
 * Each change is one transaction (an UPDATE, then an INSERT when no row was there: portable to H2
 * and PostgreSQL). Blocking JDBC: call it off the event loop.
 */
public final class PolicyJournal implements PolicyPersistence {
  private static final String SELECT = "SELECT policy_id, deleted, policy FROM twin_policy";
  private static final String UPDATE =
      "UPDATE twin_policy SET revision = ?, modified_ms = ?, deleted = FALSE, policy = ?"
          + " WHERE policy_id = ?";
  private static final String INSERT =
      "INSERT INTO twin_policy (revision, modified_ms, deleted, policy, policy_id)"
          + " VALUES (?, ?, FALSE, ?, ?)";
  private static final String MARK_DELETED =
      "UPDATE twin_policy SET deleted = TRUE, modified_ms = ? WHERE policy_id = ?";

  /** What is stored: the live policies, and the ids of every policy ever stored (deleted too). */
  public record Loaded(Map<PolicyId, Policy> live, Set<PolicyId> known) {}

  private final DataSource dataSource;

  public PolicyJournal(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Reads every stored policy. */
  public Loaded load() {
    Map<PolicyId, Policy> live = new LinkedHashMap<>();
    Set<PolicyId> known = new LinkedHashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(SELECT);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        PolicyId id = PolicyId.of(rs.getString(1));
        known.add(id);
        if (!rs.getBoolean(2)) {
          live.put(id, PoliciesModelFactory.newPolicy(JsonFactory.newObject(rs.getString(3))));
        }
      }
    } catch (SQLException e) {
      throw failed("cannot read the policies", e);
    }
    return new Loaded(live, known);
  }

  @Override
  public void save(Policy policy) {
    PolicyId id = policy.getEntityId().orElseThrow(() -> new IllegalArgumentException("no id"));
    long revision = policy.getRevision().map(r -> r.toLong()).orElse(0L);
    long modifiedMs = policy.getModified().map(Instant::toEpochMilli).orElse(0L);
    String json = policy.toJson(JsonSchemaVersion.LATEST, FieldType.regularOrSpecial()).toString();
    inTransaction(
        "cannot save policy " + id,
        c -> {
          if (execute(c, UPDATE, revision, modifiedMs, json, id.toString()) == 0) {
            execute(c, INSERT, revision, modifiedMs, json, id.toString());
          }
        });
  }

  @Override
  public void delete(PolicyId id, Instant when) {
    inTransaction(
        "cannot delete policy " + id,
        c -> execute(c, MARK_DELETED, when.toEpochMilli(), id.toString()));
  }

  private interface Work {
    void run(Connection c) throws SQLException;
  }

  private void inTransaction(String what, Work work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  private static int execute(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s.executeUpdate();
    }
  }

  private static GreenTwinException failed(String what, SQLException e) {
    return new GreenTwinException(
        ErrorCode.IO_FAILED, what + ": " + e.getMessage(), "The policy store is unavailable.", e);
  }
}
