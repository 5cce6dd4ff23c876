package org.hearth.transparency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hearth.transparency.Merkle.NodeId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The log in PostgreSQL: leaves, the hashes of complete subtrees, checkpoints. Reads of nodes are always one query
 * for all the nodes an operation needs ({@link Merkle} says which), so a proof costs a single round trip whatever
 * the size of the log.
 */
@Repository
class LogStore implements Merkle.Subtrees {

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;

	LogStore(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** The current size, locking the head until the transaction ends: appends are numbered one at a time. */
	long lockSize() {
		return jdbc.sql("SELECT size FROM transparency.head WHERE id = 1 FOR UPDATE").query(Long.class).single();
	}

	long size() {
		return jdbc.sql("SELECT size FROM transparency.head WHERE id = 1").query(Long.class).single();
	}

	void setSize(long size) {
		jdbc.sql("UPDATE transparency.head SET size = ? WHERE id = 1").param(size).update();
	}

	@Override
	public Map<NodeId, byte[]> hashes(Set<NodeId> ids) {
		Map<NodeId, byte[]> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		Short[] levels = new Short[ids.size()];
		Long[] indexes = new Long[ids.size()];
		int i = 0;
		for (NodeId id : ids) {
			levels[i] = (short) id.level();
			indexes[i++] = id.index();
		}
		batch.query("""
				SELECT n.level, n.idx, n.hash FROM transparency.node n
				JOIN unnest(?::smallint[], ?::bigint[]) AS wanted(level, idx) ON n.level = wanted.level AND n.idx = wanted.idx""",
				rs -> {
					found.put(new NodeId(rs.getShort(1), rs.getLong(2)), rs.getBytes(3));
				}, levels, indexes);
		return found;
	}

	record NewLeaf(long index, byte[] data, byte[] hash, Instant at, String entityType, UUID entityId, byte[] salt) {
	}

	void insert(List<NewLeaf> leaves, Map<NodeId, byte[]> nodes) {
		batch.batchUpdate("INSERT INTO transparency.leaf (idx, data, hash, appended_at) VALUES (?, ?, ?, ?)", leaves, 500,
				(ps, leaf) -> {
					ps.setLong(1, leaf.index());
					ps.setBytes(2, leaf.data());
					ps.setBytes(3, leaf.hash());
					ps.setTimestamp(4, Timestamp.from(leaf.at()));
				});
		batch.batchUpdate("""
				INSERT INTO transparency.leaf_subject (idx, entity_type, entity_id, salt) VALUES (?, ?, ?, ?)""", leaves,
				500, (ps, leaf) -> {
					ps.setLong(1, leaf.index());
					ps.setString(2, leaf.entityType());
					ps.setObject(3, leaf.entityId());
					ps.setBytes(4, leaf.salt());
				});
		List<Map.Entry<NodeId, byte[]>> entries = new ArrayList<>(nodes.entrySet());
		batch.batchUpdate("INSERT INTO transparency.node (level, idx, hash) VALUES (?, ?, ?)", entries, 500,
				(ps, node) -> {
					ps.setShort(1, (short) node.getKey().level());
					ps.setLong(2, node.getKey().index());
					ps.setBytes(3, node.getValue());
				});
	}

	record StoredLeaf(long index, byte[] data, byte[] hash) {
	}

	/** Leaves from start (included) to end (excluded), in order. */
	List<StoredLeaf> leaves(long start, long end) {
		return jdbc.sql("SELECT idx, data, hash FROM transparency.leaf WHERE idx >= ? AND idx < ? ORDER BY idx")
				.param(start).param(end)
				.query((rs, row) -> new StoredLeaf(rs.getLong(1), rs.getBytes(2), rs.getBytes(3))).list();
	}

	Optional<Long> indexOf(byte[] leafHash) {
		return jdbc.sql("SELECT min(idx) FROM transparency.leaf WHERE hash = ?").param(leafHash).query(Long.class)
				.optional();
	}

	/** The entries of a record, for its receipts. */
	List<Long> indexesOf(String entityType, UUID entityId) {
		return jdbc.sql("SELECT idx FROM transparency.leaf_subject WHERE entity_type = ? AND entity_id = ? ORDER BY idx")
				.param(entityType).param(entityId).query(Long.class).list();
	}

	record StoredCheckpoint(long size, byte[] root, String note, Instant signedAt) {
	}

	Optional<StoredCheckpoint> latestCheckpoint() {
		return jdbc.sql("SELECT * FROM transparency.checkpoint ORDER BY size DESC LIMIT 1").query(LogStore::checkpoint)
				.optional();
	}

	/** The first checkpoint that contains the leaf. */
	Optional<StoredCheckpoint> firstCheckpointWith(long index) {
		return jdbc.sql("SELECT * FROM transparency.checkpoint WHERE size > ? ORDER BY size LIMIT 1").param(index)
				.query(LogStore::checkpoint).optional();
	}

	Optional<StoredCheckpoint> checkpoint(long size) {
		return jdbc.sql("SELECT * FROM transparency.checkpoint WHERE size = ?").param(size)
				.query(LogStore::checkpoint).optional();
	}

	void insertCheckpoint(long size, byte[] root, String note, Instant at) {
		jdbc.sql("INSERT INTO transparency.checkpoint (size, root, note, signed_at) VALUES (?, ?, ?, ?)").param(size)
				.param(root).param(note).param(Timestamp.from(at)).update();
	}

	List<String> cosignatures(long size) {
		return jdbc.sql("SELECT line FROM transparency.cosignature WHERE size = ? ORDER BY witness").param(size)
				.query(String.class).list();
	}

	void insertCosignature(long size, String witness, String line, Instant at) {
		jdbc.sql("""
				INSERT INTO transparency.cosignature (size, witness, line, added_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""").param(size).param(witness).param(line).param(Timestamp.from(at)).update();
	}

	byte[] secret(String name) {
		return jdbc.sql("SELECT value FROM transparency.secret WHERE name = ?").param(name).query(byte[].class)
				.single();
	}

	private static StoredCheckpoint checkpoint(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new StoredCheckpoint(rs.getLong("size"), rs.getBytes("root"), rs.getString("note"),
				rs.getTimestamp("signed_at").toInstant());
	}
}
