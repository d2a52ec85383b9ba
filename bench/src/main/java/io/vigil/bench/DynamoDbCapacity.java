package io.vigil.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The on-demand request units a DynamoDB call would be billed, estimated from the items it
 * writes (request) or reads (response), by DynamoDB's published rules — moto does not report
 * consumed capacity. Write: one WRU per started KB of each item written (two for a
 * transactional write), also when a condition fails. Read: one RRU per started 4 KB of each item
 * read strongly consistently, half for an eventually consistent read, two for a transactional
 * one; a query or scan rounds the summed size of the items it returns; a get of a missing item
 * still costs the minimum. Item size: UTF-8 length of every attribute name plus its value
 * (strings and binaries by length, numbers ~1 byte per two digits plus one, lists and maps
 * 3 bytes plus their elements).
 *
 * <p>Global secondary indexes: Vigil's table has three (GSI1–GSI3, keys {@code GSI<n>PK} /
 * {@code GSI<n>SK}, every attribute projected), and a written item that carries an index's
 * partition key is written to that index too, one more WRU per started KB (standard, also for a
 * transactional write).
 *
 * <p>Estimates, with three known gaps: an {@code UpdateItem} or {@code DeleteItem} is billed on
 * the stored item's size and indexes, which the request does not show (counted as 1 WRU, right
 * for items up to 1 KB in no index); a put that changes an item's index key costs the index a
 * delete and a put, counted as one; a query's filter is applied after reading, so items it
 * filters out are not counted.
 */
final class DynamoDbCapacity {

  /** Read and write request units of one call. */
  record Units(double read, double write) {
    static final Units NONE = new Units(0, 0);
  }

  private static final int WRITE_UNIT = 1024;
  private static final int READ_UNIT = 4096;
  private static final java.util.regex.Pattern INDEX_KEY =
      java.util.regex.Pattern.compile("GSI\\d+PK");

  private DynamoDbCapacity() {}

  /**
   * The units of one call: {@code response} is null when the call failed (a failed condition
   * still consumes the write).
   */
  static Units of(SdkRequest request, SdkResponse response) {
    if (request instanceof PutItemRequest r) {
      return write(written(r.item(), 1));
    }
    if (request instanceof UpdateItemRequest || request instanceof DeleteItemRequest) {
      return write(1);
    }
    if (request instanceof BatchWriteItemRequest r) {
      double w = 0;
      for (var requests : r.requestItems().values()) {
        for (var wr : requests) {
          w += wr.putRequest() != null ? written(wr.putRequest().item(), 1) : 1;
        }
      }
      return write(w);
    }
    if (request instanceof TransactWriteItemsRequest r) {
      double w = 0;
      for (var item : r.transactItems()) {
        w += item.put() != null ? written(item.put().item(), 2) : 2;
      }
      return write(w);
    }
    if (response == null) {
      return Units.NONE;
    }
    if (request instanceof GetItemRequest r && response instanceof GetItemResponse g) {
      long size = g.hasItem() ? size(g.item()) : 0;
      return read(units(size, READ_UNIT) * consistency(r.consistentRead()));
    }
    if (request instanceof BatchGetItemRequest r && response instanceof BatchGetItemResponse g) {
      double units = 0;
      for (var e : r.requestItems().entrySet()) {
        double factor = consistency(e.getValue().consistentRead());
        var returned = g.responses().getOrDefault(e.getKey(), List.of());
        var unprocessed = g.unprocessedKeys().get(e.getKey());
        int missing = e.getValue().keys().size() - returned.size()
            - (unprocessed == null ? 0 : unprocessed.keys().size());
        for (var item : returned) {
          units += units(size(item), READ_UNIT) * factor;
        }
        units += Math.max(0, missing) * factor;
      }
      return read(units);
    }
    if (request instanceof QueryRequest r && response instanceof QueryResponse q) {
      return read(units(sizes(q.items()), READ_UNIT) * consistency(r.consistentRead()));
    }
    if (request instanceof ScanRequest r && response instanceof ScanResponse s) {
      return read(units(sizes(s.items()), READ_UNIT) * consistency(r.consistentRead()));
    }
    if (request instanceof TransactGetItemsRequest r) {
      return read(2.0 * r.transactItems().size());
    }
    return Units.NONE;
  }

  /**
   * WRU of putting {@code item}: {@code factor} per started KB in the table (2 in a transaction),
   * plus one per started KB in every index whose partition key the item has.
   */
  private static long written(Map<String, AttributeValue> item, int factor) {
    long units = units(size(item), WRITE_UNIT);
    long indexes = item.keySet().stream().filter(k -> INDEX_KEY.matcher(k).matches()).count();
    return units * (factor + indexes);
  }

  private static Units read(double units) {
    return new Units(units, 0);
  }

  private static Units write(double units) {
    return new Units(0, units);
  }

  private static double consistency(Boolean consistentRead) {
    return Boolean.TRUE.equals(consistentRead) ? 1 : 0.5;
  }

  /** Started units of {@code unit} bytes, at least one. */
  private static long units(long bytes, int unit) {
    return Math.max(1, (bytes + unit - 1) / unit);
  }

  private static long sizes(List<Map<String, AttributeValue>> items) {
    long total = 0;
    for (var item : items) {
      total += size(item);
    }
    return total;
  }

  /** An item's size by DynamoDB's rules (attribute names plus values). */
  static long size(Map<String, AttributeValue> item) {
    long total = 0;
    for (var e : item.entrySet()) {
      total += utf8(e.getKey()) + size(e.getValue());
    }
    return total;
  }

  private static long size(AttributeValue v) {
    if (v == null) {
      return 0;
    }
    if (v.s() != null) {
      return utf8(v.s());
    }
    if (v.n() != null) {
      return number(v.n());
    }
    if (v.b() != null) {
      return v.b().asByteArrayUnsafe().length;
    }
    if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
      return 1;
    }
    if (v.hasSs()) {
      return v.ss().stream().mapToLong(DynamoDbCapacity::utf8).sum();
    }
    if (v.hasNs()) {
      return v.ns().stream().mapToLong(DynamoDbCapacity::number).sum();
    }
    if (v.hasBs()) {
      return v.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
    }
    if (v.hasL()) {
      long total = 3;
      for (var element : v.l()) {
        total += 1 + size(element);
      }
      return total;
    }
    if (v.hasM()) {
      long total = 3;
      for (var e : v.m().entrySet()) {
        total += 1 + utf8(e.getKey()) + size(e.getValue());
      }
      return total;
    }
    return 0;
  }

  private static long number(String n) {
    long digits = n.chars().filter(Character::isDigit).count();
    return Math.min(21, (digits + 1) / 2 + 1);
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
