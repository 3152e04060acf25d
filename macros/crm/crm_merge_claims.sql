{% macro crm_merge_claims(
    merges, survivor_id, merged_ids, delimiter, claimed_at, max_merged=100
) -%}
    {#- A select of the merges a CRM records as lists (a survivor and the ids merged into it,
        `<id><delimiter><id>...`; an item may carry `:<anything>` after the id, as HubSpot's
        older `<vid>:<epoch ms>`), one row per merged id and survivor claiming it:
        `merged_id`, `survivor_id`, `claim_rank` (1: the claim made at the latest
        `claimed_at`, which the merged id counts for). Lists longer than `max_merged` items
        are cut there. -#}
    select
        merged_id,
        survivor_id,
        row_number() over (
            partition by merged_id
            order by claimed_at desc nulls last, survivor_id asc
        ) as claim_rank
    from (
        select
            {{ merges }}.{{ survivor_id }} as survivor_id,
            {{ merges }}.{{ claimed_at }} as claimed_at,
            trim({{ split_item(
                split_item(merges ~ '.' ~ merged_ids, delimiter, 'item_positions.n'), ':', 1
            ) }}) as merged_id
        from {{ merges }}
        cross join (
            {{ integer_sequence(max_merged) }}
        ) as item_positions
        where {{ merges }}.{{ merged_ids }} is not null
    ) as merged_items
    where
        merged_id is not null
        and merged_id != ''
        and merged_id != survivor_id
{%- endmacro %}
