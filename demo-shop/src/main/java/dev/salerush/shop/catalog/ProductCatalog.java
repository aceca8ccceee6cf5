package dev.salerush.shop.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** Read side of the shop: brands, product lists and product details, all through the browse pool. */
public final class ProductCatalog {

    private final DataSource browsePool;

    public ProductCatalog(DataSource browsePool) {
        this.browsePool = browsePool;
    }

    public List<Brand> brands(int offset, int limit) throws SQLException {
        try (Connection c = browsePool.getConnection();
             PreparedStatement ps = c.prepareStatement(ProductQueries.BRANDS)) {
            ps.setInt(1, limit);
            ps.setLong(2, offset);
            List<Brand> brands = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    brands.add(new Brand(rs.getLong(1), rs.getString(2), rs.getInt(3)));
                }
            }
            return brands;
        }
    }

    /** One page of products; fetches size + 1 rows to know whether a next page exists. */
    public ProductPage products(OptionalLong brandId, ProductSort sort, int page, int size) throws SQLException {
        String sql = brandId.isPresent() ? ProductQueries.byBrand(sort) : ProductQueries.all(sort);
        try (Connection c = browsePool.getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (brandId.isPresent()) {
                ps.setLong(i++, brandId.getAsLong());
            }
            ps.setInt(i++, size + 1);
            ps.setLong(i, (long) page * size);
            List<ProductSummary> items = new ArrayList<>(size + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new ProductSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)));
                }
            }
            boolean hasNext = items.size() > size;
            if (hasNext) {
                items.remove(items.size() - 1);
            }
            return new ProductPage(items, page, size, hasNext);
        }
    }

    public Optional<ProductDetail> product(long id) throws SQLException {
        try (Connection c = browsePool.getConnection();
             PreparedStatement ps = c.prepareStatement(ProductQueries.PRODUCT_DETAIL)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ProductDetail(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)));
            }
        }
    }
}
